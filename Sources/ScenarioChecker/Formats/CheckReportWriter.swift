import BackupPolicy

/// A report format written as the check goes: `start` before the first file, `add` for each
/// file in order, `finish` once the suite is done. Each hands its text to `emit` as it goes
/// (a large file in several pieces), so a report of any size is written with little text in
/// memory, except where the format puts totals before the files (JUnit) or two lists side
/// by side (JSON's findings).
protocol CheckReportWriter {
    mutating func start(emit: (String) -> Void)
    mutating func add(_ file: FileReport, emit: (String) -> Void)
    mutating func finish(_ suite: SuiteResult, emit: (String) -> Void)
}

/// A report being written, in any ``ReportFormat``: see ``CheckReportWriter``. The same
/// files and suite give the same text, however the text was split.
public struct ReportStream {
    private var writer: any CheckReportWriter

    public init(format: ReportFormat, wording: PolicyWording? = nil) {
        writer = switch format {
        case .human: HumanReport()
        case .json: JSONReport()
        case .junit: JUnitReport()
        case .sarif: SARIFReport(wording: wording)
        case .github: GitHubReport()
        case .gitlab: GitLabReport()
        }
    }

    public mutating func start(emit: (String) -> Void) { writer.start(emit: emit) }
    public mutating func add(_ file: FileReport, emit: (String) -> Void) { writer.add(file, emit: emit) }
    public mutating func finish(_ suite: SuiteResult, emit: (String) -> Void) { writer.finish(suite, emit: emit) }
}
