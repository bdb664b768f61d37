import BackupPolicy

/// A report format written as the check goes: `start` before the first file, `add` for each
/// file in order, `finish` once the suite is done. Each returns the text to write next, so a
/// report of any size is written with a file's worth of text in memory, except where the
/// format puts totals before the files (JUnit) or two lists side by side (JSON's findings).
protocol CheckReportWriter {
    mutating func start() -> String
    mutating func add(_ file: FileReport) -> String
    mutating func finish(_ suite: SuiteResult) -> String
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

    public mutating func start() -> String { writer.start() }
    public mutating func add(_ file: FileReport) -> String { writer.add(file) }
    public mutating func finish(_ suite: SuiteResult) -> String { writer.finish(suite) }
}
