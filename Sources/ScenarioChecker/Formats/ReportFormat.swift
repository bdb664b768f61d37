import BackupPolicy

/// The report formats `helpcenter check --format` writes.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// `path:line:col: severity: message [rule]` lines and a summary line.
    case human
    /// The checker's own JSON: summary, findings, scenarios with their replayed steps.
    case json
    /// JUnit XML, one test case per scenario (GitLab, Jenkins).
    case junit
    /// SARIF 2.1.0 (GitHub code scanning).
    case sarif
    /// GitHub Actions workflow commands (`::error file=…`).
    case github
    /// GitLab Code Quality JSON.
    case gitlab
}

/// Renders a check report in any ``ReportFormat``. Pure: the same report gives the same text.
public struct ReportRenderer: Sendable {
    /// The rules' wording (titles and sentences), for formats that describe rules.
    public var wording: PolicyWording?

    public init(wording: PolicyWording? = nil) {
        self.wording = wording
    }

    /// The whole report as one text: the same text a ``ReportStream`` writes piece by piece.
    public func render(_ report: CheckReport, as format: ReportFormat) -> String {
        var stream = ReportStream(format: format, wording: wording)
        var text = ""
        stream.start { text += $0 }
        for file in report.files {
            stream.add(file) { text += $0 }
        }
        stream.finish(report.suite) { text += $0 }
        return text
    }

    /// One line saying what was checked and how it went.
    public static func summary(of report: CheckReport) -> String {
        summary(of: report.totals)
    }

    /// One line saying what was checked and how it went.
    public static func summary(of totals: CheckTotals) -> String {
        var text =
            "checked \(plural(totals.scenarios, "scenario")) in \(plural(totals.files, "file")): \(totals.passedScenarios) passed, \(totals.failedScenarios) failed"
        text += "; \(plural(totals.errors, "error")), \(plural(totals.warnings, "warning"))"
        return text
    }

    /// `1 warning`, `2 warnings`.
    public static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}

/// The title reports show for a finding's id: the rule's title, or the kind spelt out.
extension ScenarioFinding.Kind {
    var title: String {
        switch self {
        case .mismatch: "A scenario's expectation disagrees with the policy"
        case .invalidState: "A scenario's starting state breaks the policy"
        case .scenarioError: "The file is not a valid scenario file"
        case .unknownRule: "An article cites a rule the policy doesn't have"
        case .uncoveredRule: "A rule no article cites, or that no scenario exercises"
        case .staleArticle: "An article is older than the wording of a rule it cites"
        case .survivingMutant: "A broken variant of the policy that no scenario notices"
        }
    }
}
