import BackupPolicy
import HelpCenterConcurrency

/// The checker's own JSON format (documented in docs/checker.md): every scenario with its
/// replayed steps and the rule that decided each, written file by file as the check goes;
/// then every finding, the coverage and mutation results when the suite was audited, and
/// the summary. Keys within an entry are in alphabetical order.
struct JSONReport: CheckReportWriter {
    private var json = JSONWriter()
    /// Findings wait for the end: they are a list of their own beside the scenarios.
    private var findings: [ScenarioFinding] = []

    mutating func start(emit: (String) -> Void) {
        json.beginObject()
        json.field("version", 1)
        json.key("scenarios")
        json.beginArray()
        emit(json.take())
    }

    mutating func add(_ file: FileReport, emit: (String) -> Void) {
        add(file, entries: nil, emit: emit)
    }

    mutating func add(_ file: FileReport, prepared: PreparedReportPart, emit: (String) -> Void) {
        guard case .json(let pieces) = prepared.content else {
            add(file, entries: nil, emit: emit)
            return
        }
        findings += file.findings
        for piece in pieces {
            json.appendMembers(piece)
            emit(json.take())
        }
    }

    /// The file's scenario entries: written by `prepare` beforehand (in parallel, for a file
    /// of ordinary size), or here, in pieces, for a large one.
    mutating func add(_ file: FileReport, entries prepared: String?, emit: (String) -> Void) {
        findings += file.findings
        if let prepared {
            json.appendMembers(prepared)
        } else {
            // A few pieces at a time, written in parallel and handed on, so a large file's
            // text is never in memory whole.
            let pieces = Self.slices(of: file)
            for group in stride(from: 0, to: pieces.count, by: 4) {
                for piece in parallelMap(Array(pieces[group..<min(group + 4, pieces.count)]), { Self.piece($0, path: file.path) }) {
                    json.appendMembers(piece)
                    emit(json.take())
                }
            }
        }
        emit(json.take())
    }

    /// The scenario entries of a file, for `add(_:prepared:emit:)`, in pieces: a pure
    /// function of the file, so the checker's workers can write them (`ReportStream.prepare`).
    static func prepare(_ file: FileReport) -> [String] {
        slices(of: file).map { piece($0, path: file.path) }
    }

    private static func slices(of file: FileReport) -> [ArraySlice<ScenarioReport>] {
        stride(from: 0, to: file.scenarios.count, by: scenariosPerPiece).map {
            file.scenarios[$0..<min($0 + scenariosPerPiece, file.scenarios.count)]
        }
    }

    private static func piece(_ scenarios: ArraySlice<ScenarioReport>, path: String) -> String {
        var entries = JSONWriter(membersAtDepth: 2)
        for scenario in scenarios {
            entry(scenario, path: path, to: &entries)
        }
        return entries.take()
    }

    /// Scenarios in one piece of prepared text.
    static let scenariosPerPiece = 512

    /// One scenario with its replayed steps, keys in alphabetical order.
    private static func entry(_ scenario: ScenarioReport, path: String, to json: inout JSONWriter) {
        json.beginObject()
        json.field("line", scenario.location.line)
        json.field("name", scenario.name)
        json.field("passed", scenario.passed)
        json.field("path", path)
        json.field("rules", strings: scenario.rules.map(\.rawValue))
        json.key("steps")
        json.beginArray()
        for step in scenario.steps {
            json.beginObject()
            json.field("action", step.action.name.rawValue)
            json.field("decided_by", strings: step.result?.decidingRules.map(\.rawValue) ?? [])
            json.field("line", step.location.line)
            json.field("outcome", step.result?.outcome.word ?? "impossible")
            json.endObject()
        }
        json.endArray()
        json.field("tags", strings: scenario.tags)
        json.endObject()
    }

    mutating func finish(_ suite: SuiteResult, emit: (String) -> Void) {
        json.endArray()
        json.key("findings")
        json.beginArray()
        for finding in findings + suite.suiteFindings {
            json.beginObject()
            json.field("column", finding.location.column)
            json.field("kind", finding.kind.rawValue)
            json.field("line", finding.location.line)
            json.field("message", finding.message)
            json.field("path", finding.location.path)
            json.field("rule", ifPresent: finding.rule?.rawValue)
            json.field("scenario", ifPresent: finding.scenario)
            json.field("severity", finding.severity.rawValue)
            json.endObject()
        }
        json.endArray()
        if let coverage = suite.coverage {
            json.key("coverage")
            Self.write(coverage, to: &json, emit: emit)
        }
        if let mutations = suite.mutations {
            json.key("mutations")
            Self.write(mutations, to: &json, emit: emit)
        }
        let totals = suite.totals
        json.key("summary")
        json.beginObject()
        json.field("errors", totals.errors)
        json.field("failed", totals.failedScenarios)
        json.field("files", totals.files)
        json.field("passed", totals.passedScenarios)
        json.field("scenarios", totals.scenarios)
        json.field("warnings", totals.warnings)
        // False when only some of the suite's files were checked: the rules no scenario shows
        // deciding were then not reported (`SuiteAudit.wholeSuite`).
        if let coverage = suite.coverage { json.field("whole_suite", coverage.wholeSuite) }
        json.endObject()
        json.endObject()
        emit(json.take() + "\n")
    }
}
