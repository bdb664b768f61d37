import BackupPolicy

/// A report format written as the check goes: `start` before the first file, `add` for each
/// file in order, `finish` once the suite is done. Each hands its text to `emit` as it goes
/// (a large file in several pieces), so a report of any size is written with little text in
/// memory, except where the format puts totals before the files (JUnit) or two lists side
/// by side (JSON's findings).
protocol CheckReportWriter {
    mutating func start(emit: (String) -> Void)
    mutating func add(_ file: FileReport, emit: (String) -> Void)
    /// `add(_:emit:)`, with the part `ReportStream.prepare` wrote for this format.
    mutating func add(_ file: FileReport, prepared: PreparedReportPart, emit: (String) -> Void)
    mutating func finish(_ suite: SuiteResult, emit: (String) -> Void)
}

extension CheckReportWriter {
    /// Formats that prepare nothing write the whole file.
    mutating func add(_ file: FileReport, prepared: PreparedReportPart, emit: (String) -> Void) {
        add(file, emit: emit)
    }
}

/// A file's report text written ahead of its turn; see `ReportStream.prepare`.
public struct PreparedReportPart: Sendable {
    enum Content: Sendable {
        case nothing
        case json([String])
        case junit(JUnitReport.Suite)
    }

    var content: Content

    /// Nothing prepared: `add` writes the whole file.
    public static let nothing = PreparedReportPart(content: .nothing)
}

/// A report being written, in any ``ReportFormat``: see ``CheckReportWriter``. The same
/// files and suite give the same text, however the text was split.
public struct ReportStream {
    private var writer: any CheckReportWriter

    /// `quiet` leaves all but the errors and the summary out of the human format (the machine
    /// formats are read by programs, and keep everything).
    public init(format: ReportFormat, wording: PolicyWording? = nil, quiet: Bool = false) {
        writer =
            switch format {
            case .human: HumanReport(quiet: quiet)
            case .json: JSONReport()
            case .junit: JUnitReport()
            case .sarif: SARIFReport(wording: wording)
            case .github: GitHubReport()
            case .gitlab: GitLabReport()
            }
    }

    public mutating func start(emit: (String) -> Void) { writer.start(emit: emit) }
    public mutating func add(_ file: FileReport, emit: (String) -> Void) { writer.add(file, emit: emit) }

    /// Adds a file whose heavy part was written beforehand by `prepare` (the same text as
    /// `add(_:emit:)` writes).
    public mutating func add(_ file: FileReport, prepared: PreparedReportPart, emit: (String) -> Void) {
        writer.add(file, prepared: prepared, emit: emit)
    }

    /// The part of a file's report that depends on the file alone (JSON's scenario entries,
    /// JUnit's test suite), written where it is called: the checker calls it in its workers,
    /// in parallel, so that adding files in order does little more than copy text.
    public static func prepare(_ file: FileReport, format: ReportFormat) -> PreparedReportPart {
        switch format {
        // A large file's entries are written by `add`, a few pieces at a time, so that its
        // text is never in memory whole.
        case .json where file.scenarios.count <= 2 * JSONReport.scenariosPerPiece: PreparedReportPart(content: .json(JSONReport.prepare(file)))
        case .junit: PreparedReportPart(content: .junit(JUnitReport.prepare(file)))
        default: PreparedReportPart(content: .nothing)
        }
    }
    public mutating func finish(_ suite: SuiteResult, emit: (String) -> Void) { writer.finish(suite, emit: emit) }
}
