import BackupPolicy
import HelpCenterDiagnostics
import HelpCenterSite
import HelpCenterTemplates
import ScenarioChecker

/// The team's view of a `helpcenter check` run, as one self-contained HTML page (like a
/// coverage report): the totals, every finding with its place, each rule's coverage (the
/// articles citing it, the scenarios where it decides and where it allows, with file and
/// line), the matrix of scenarios × rules, the scenarios file by file, the mutation results
/// when they ran, and the state diagram. Inline CSS, no script, light and dark, readable
/// from a phone's width up. The published site shows none of this (docs/checker.md).
///
/// A value in, text out: writing it to disk is the command's job.
public struct CheckReportPage {
    public var files: [FileReport]
    public var suite: SuiteResult
    public var wording: PolicyWording
    public var diagram: SitePolicy.StateDiagram

    public init(files: [FileReport], suite: SuiteResult, wording: PolicyWording, diagram: SitePolicy.StateDiagram) {
        self.files = files
        self.suite = suite
        self.wording = wording
        self.diagram = diagram
    }

    public func render() -> String {
        var html = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>Policy check report</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <main>
            <h1>Policy check report</h1>

            """
        html += summary()
        html += findings()
        html += rules()
        html += matrix()
        html += scenarios()
        html += mutations()
        html += stateDiagram()
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    // MARK: Sections

    func summary() -> String {
        let totals = suite.totals
        let status = totals.hasErrors ? "<strong class=\"bad\">Errors found</strong>" : "<strong class=\"good\">No errors</strong>"
        return """
            <p class="lead">\(status): \(totals.scenarios) scenarios in \(totals.files) files, \(totals.passedScenarios) passed, \
            \(totals.failedScenarios) failed; \(totals.errors) errors, \(totals.warnings) warnings.</p>
            <nav aria-label="Sections"><ul class="sections"><li><a href="#findings">Findings</a></li><li><a href="#rules">Rules</a></li>\
            <li><a href="#matrix">Matrix</a></li><li><a href="#scenarios">Scenarios</a></li>\
            \(suite.mutations == nil ? "" : "<li><a href=\"#mutations\">Mutations</a></li>")<li><a href="#states">State diagram</a></li></ul></nav>

            """
    }

    func findings() -> String {
        let all = files.flatMap(\.findings) + suite.suiteFindings
        var html = "<section aria-labelledby=\"findings\">\n<h2 id=\"findings\">Findings (\(all.count))</h2>\n"
        guard !all.isEmpty else { return html + "<p>None: every scenario agrees with the policy, and every rule is covered.</p>\n</section>\n" }
        html += "<ul class=\"findings\">\n"
        for finding in all {
            let severity = finding.severity == .error ? "error" : "warning"
            html += "<li class=\"\(severity)\"><code class=\"place\">\(e(finding.location.description))</code> <span class=\"severity\">\(severity)</span> "
            html += e(finding.message) + " <code>[\(e(finding.reportID))]</code>"
            if let scenario = finding.scenario { html += "<br><span class=\"muted\">in “\(e(scenario))”</span>" }
            html += "</li>\n"
        }
        return html + "</ul>\n</section>\n"
    }

    func rules() -> String {
        var html = "<section aria-labelledby=\"rules\">\n<h2 id=\"rules\">Rules</h2>\n"
        guard let coverage = suite.coverage else { return html + "<p>Coverage was not computed in this run.</p>\n</section>\n" }
        for (number, row) in coverage.rules.enumerated() {
            // Part of the suite: a rule these files don't show deciding is not a gap.
            let status =
                row.isCovered || (!coverage.wholeSuite && !row.citingArticles.isEmpty)
                ? "<span class=\"good\">\(row.isCovered ? "covered" : "cited")</span>"
                : "<span class=\"bad\">\(row.citingArticles.isEmpty ? "no article cites it" : "no scenario shows it deciding")</span>"
            html += "<article class=\"rule\" id=\"rule-\(e(row.rule.rawValue))\">\n"
            html += "<h3>\(number + 1). \(e(row.title)) <code>\(e(row.rule.rawValue))</code></h3>\n"
            html += "<p>\(e(row.rule.kind.rawValue)) rule · \(status) · <code class=\"place\">\(e(row.location.description))</code></p>\n"
            html += "<p class=\"muted\">\(e(row.sentence))</p>\n<dl>\n"
            html += "<dt>Articles citing it (\(row.citingArticles.count))</dt>"
            html += list(row.citingArticles.map { "\(e($0.title)) <code class=\"place\">\(e($0.location.description))</code>" })
            html += "<dt>Scenarios where it decides (\(row.decidingScenarios.count))</dt>" + list(row.decidingScenarios.map(reference))
            html += "<dt>Scenarios where it allows (\(row.allowingScenarios.count))</dt>" + list(row.allowingScenarios.map(reference))
            html += "</dl>\n</article>\n"
        }
        return html + "</section>\n"
    }

    /// Scenarios down, rules across: D where the rule decides a checked step, A where it
    /// lets one through.
    func matrix() -> String {
        var html = "<section aria-labelledby=\"matrix\">\n<h2 id=\"matrix\">Matrix: scenarios × rules</h2>\n"
        guard let coverage = suite.coverage else { return html + "<p>Coverage was not computed in this run.</p>\n</section>\n" }
        var cells: [String: [PolicyRuleID: String]] = [:]
        for row in coverage.rules {
            for scenario in row.allowingScenarios { cells[key(scenario.location), default: [:]][row.rule] = "A" }
            for scenario in row.decidingScenarios { cells[key(scenario.location), default: [:]][row.rule] = "D" }
        }
        html +=
            "<p><strong>D</strong>: the rule decides a checked step of the scenario; <strong>A</strong>: it lets such a step through. Columns are the rules in precedence order:</p>\n<ol class=\"legend\">"
        for row in coverage.rules { html += "<li><code>\(e(row.rule.rawValue))</code></li>" }
        html +=
            "</ol>\n<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Matrix of scenarios and rules; scrolls sideways\">\n<table class=\"matrix\">\n<thead><tr><th scope=\"col\">Scenario</th>"
        for (number, row) in coverage.rules.enumerated() {
            html += "<th scope=\"col\"><abbr title=\"\(e(row.rule.rawValue))\">\(number + 1)</abbr></th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for file in files {
            for scenario in file.scenarios {
                let marks = cells[key(scenario.location)] ?? [:]
                html += "<tr><th scope=\"row\">\(e(scenario.name)) <code class=\"place\">\(e(scenario.location.path)):\(scenario.location.line)</code></th>"
                for row in coverage.rules {
                    let mark = marks[row.rule] ?? ""
                    html += mark.isEmpty ? "<td></td>" : "<td class=\"mark-\(mark)\">\(mark)</td>"
                }
                html += "</tr>\n"
            }
        }
        return html + "</tbody>\n</table>\n</div>\n</section>\n"
    }

    func scenarios() -> String {
        var html = "<section aria-labelledby=\"scenarios\">\n<h2 id=\"scenarios\">Scenarios, file by file</h2>\n"
        for file in files {
            let failed = file.scenarios.filter { !$0.passed }.count
            html +=
                "<h3><code>\(e(file.path))</code> <span class=\"muted\">\(file.scenarios.count) scenarios\(failed > 0 ? ", \(failed) failing" : "")</span></h3>\n<ul class=\"scenarios\">\n"
            for scenario in file.scenarios {
                let mark = scenario.passed ? "<span class=\"good\">passes</span>" : "<span class=\"bad\">fails</span>"
                html += "<li>\(mark) \(e(scenario.name)) <code class=\"place\">line \(scenario.location.line)</code>"
                if !scenario.tags.isEmpty { html += " <span class=\"muted\">\(e(scenario.tags.joined(separator: ", ")))</span>" }
                html += "</li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }

    func mutations() -> String {
        guard let results = suite.mutations else { return "" }
        let survived = results.filter(\.survived)
        var html =
            "<section aria-labelledby=\"mutations\">\n<h2 id=\"mutations\">Mutations</h2>\n<p>\(results.count) policy variants, \(results.count - survived.count) noticed, \(survived.count) survived.</p>\n<ul class=\"findings\">\n"
        for result in results {
            let state = result.survived ? "<span class=\"bad\">survived</span>" : "<span class=\"good\">noticed</span>"
            html += "<li>\(state) <code>\(e(result.variant))</code> \(e(result.summary))"
            if let first = result.noticedBy.first {
                html += "<br><span class=\"muted\">first noticed by “\(e(first.name))” (\(e(first.location.description)))</span>"
            }
            html += "</li>\n"
        }
        return html + "</ul>\n</section>\n"
    }

    func stateDiagram() -> String {
        var html = "<section aria-labelledby=\"states\">\n<h2 id=\"states\">State diagram</h2>\n"
        html += "<p>Derived by applying the policy to a representative account in each state; only actions that change the state are drawn.</p>\n"
        html +=
            "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"State diagram; scrolls sideways\">\n\(StateDiagramSVG.render(diagram))</div>\n<ul>\n"
        for change in StateDiagramSVG.changes(diagram) {
            html += "<li><strong>\(e(change.action))</strong>: from \(e(change.from)) to \(e(change.to))</li>\n"
        }
        return html + "</ul>\n</section>\n"
    }

    // MARK: Pieces

    private func reference(_ scenario: ScenarioChecker.ScenarioReference) -> String {
        let lines = scenario.steps.map { String($0.line) }.joined(separator: ", ")
        return "\(e(scenario.name)) <code class=\"place\">\(e(scenario.location.path)):\(scenario.location.line)</code>"
            + (lines.isEmpty ? "" : " <span class=\"muted\">\(scenario.steps.count == 1 ? "step at line" : "steps at lines") \(e(lines))</span>")
            + (scenario.passed ? "" : " <span class=\"bad\">fails</span>")
    }

    private func list(_ items: [String]) -> String {
        guard !items.isEmpty else { return "<dd class=\"muted\">None</dd>\n" }
        return "<dd><ul>" + items.map { "<li>\($0)</li>" }.joined() + "</ul></dd>\n"
    }

    private func key(_ location: SourceLocation) -> String { "\(location.path):\(location.line)" }

    private func e(_ text: String) -> String { HTMLEscaping.escape(text) }

    static let style = """
        :root{color-scheme:light dark;--text:#1d2330;--muted:#505a6b;--bg:#fff;--surface:#f5f7fa;--border:#d9dee6;--good:#1d7a3c;--bad:#b42318;--accent:#1f5fbf}
        @media (prefers-color-scheme:dark){:root{--text:#e6e9ef;--muted:#b0b8c6;--bg:#12161d;--surface:#1b212b;--border:#323b49;--good:#6fd08f;--bad:#ff8f85;--accent:#8ab4ff}}
        *{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--text);background:var(--bg)}
        main{max-width:72rem;margin:0 auto;padding:1rem}h1{font-size:1.6rem;margin:.5rem 0}h2{margin-top:2rem;border-bottom:1px solid var(--border)}
        h3{font-size:1.05rem;overflow-wrap:anywhere}a{color:var(--accent)}code{font-size:.88em;overflow-wrap:anywhere}
        .muted{color:var(--muted)}.good{color:var(--good);font-weight:600}.bad{color:var(--bad);font-weight:600}
        .sections{display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:0;list-style:none}
        .findings{padding-left:1.25rem}.findings li{margin:.4rem 0;overflow-wrap:anywhere}.findings .error .severity{color:var(--bad);font-weight:600}
        .findings .warning .severity{color:var(--muted);font-weight:600}
        .rule{border:1px solid var(--border);border-radius:10px;padding:.75rem 1rem;margin:1rem 0}.rule h3{margin:0}.rule p{margin:.35rem 0}
        dt{font-weight:600;margin-top:.5rem}dd{margin:0}dd ul{margin:.2rem 0;padding-left:1.25rem}li{overflow-wrap:anywhere}
        .scroll{overflow-x:auto;border:1px solid var(--border);border-radius:10px}.scroll:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
        .matrix{border-collapse:collapse;font-size:.9rem}.matrix th,.matrix td{border:1px solid var(--border);padding:.3rem .5rem;text-align:center}
        .matrix tbody th{text-align:left;font-weight:normal;min-width:14rem;max-width:24rem;position:sticky;left:0;background:var(--bg)}
        .matrix thead th{background:var(--surface)}.mark-D{background:var(--surface);font-weight:700}.mark-A{color:var(--muted)}
        .legend{columns:15rem;font-size:.9rem}.scenarios{padding-left:1.25rem}
        svg{display:block;color:var(--text);min-width:46rem;max-width:100%;height:auto}svg .state rect{fill:var(--surface)}
        """
}
