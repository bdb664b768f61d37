import BackupPolicy
import Dispatch
import HelpCenterConcurrency
import HelpCenterDiagnostics
import HelpCenterYAML
import Synchronization

/// Checks scenario files against the backup-method policy: reads each file (refusing
/// hostile input with a finding), replays every scenario, reports scenario names used in
/// more than one file, and keeps the scenarios the filter selects. With a ``SuiteAudit`` it
/// also relates rules to articles and scenarios (coverage) and runs mutation testing, both
/// over the whole suite whatever the filter. Files are checked in parallel; the report
/// keeps the sources' order.
public struct ScenarioSuiteChecker: Sendable {
    public var policy: BackupPolicy
    public var filter: ScenarioFilter
    public var limits: ScenarioInputLimits

    public init(policy: BackupPolicy = BackupPolicy(), filter: ScenarioFilter = ScenarioFilter(), limits: ScenarioInputLimits = ScenarioInputLimits()) {
        self.policy = policy
        self.filter = filter
        self.limits = limits
    }

    /// Checks every source; the report lists files in the order given.
    public func check(_ sources: [ScenarioSource]) -> CheckReport {
        check(sources, audit: nil)
    }

    /// Checks every source and, with an audit, the suite as a whole, keeping every file's
    /// report (for callers that need them all; `helpcenter check` streams instead).
    public func check(_ sources: [ScenarioSource], audit: SuiteAudit?) -> CheckReport {
        var files: [FileReport] = []
        let suite = check(sources, audit: audit) { files.append($0) }
        return CheckReport(files: files, suiteFindings: suite.suiteFindings, coverage: suite.coverage, mutations: suite.mutations)
    }

    /// Checks every source and hands each file's report to `consume`, in the sources'
    /// order, as soon as it and every file before it are done; then returns what the suite
    /// as a whole gave. Files are read and replayed a window at a time, in parallel, so
    /// memory holds a window's files, not the suite; the reports (and so the output) are
    /// the same whatever the scheduling. Mutation testing, which replays the whole suite
    /// once per variant, keeps the parsed suite until the end.
    public func check(
        _ sources: [ScenarioSource], audit: SuiteAudit?, each consume: (FileReport) throws -> Void
    ) rethrows -> SuiteResult {
        try check(sources, audit: audit, prepare: { _ in () }, each: { file, _ in try consume(file) })
    }

    /// `check(_:audit:each:)`, with `prepare` run on each file's report (as `consume` will
    /// get it) in the workers, in parallel, and its result handed to `consume` with the
    /// report: the place for work that depends on the file alone, such as writing its part
    /// of a report.
    public func check<Prepared: Sendable>(
        _ sources: [ScenarioSource], audit: SuiteAudit?,
        prepare: @escaping @Sendable (FileReport) -> Prepared,
        each consume: (FileReport, Prepared) throws -> Void
    ) rethrows -> SuiteResult {
        var totals = CheckTotals()
        var tally = CoverageTally()
        var names = NameRegistry()
        let keepsSuite = !(audit?.variants.isEmpty ?? true)
        var parsedSuite: [ParsedScenarioFile] = []
        var replayedSuite: [FileReport] = []
        let windows = stride(from: sources.startIndex, to: sources.endIndex, by: Self.windowSize).map {
            Array(sources[$0..<min($0 + Self.windowSize, sources.endIndex)])
        }
        @Sendable func work(_ window: [ScenarioSource]) -> [CheckedFile<Prepared>] {
            parallelMap(window) { source in
                let parsed = read(source)
                let report = replay(parsed)
                var fileTally = CoverageTally()
                if audit != nil { fileTally.add(report) }
                let shown = selected(report)
                return CheckedFile(parsed: keepsSuite ? parsed : nil, report: report, tally: fileTally, shown: shown, prepared: prepare(shown))
            }
        }
        // A pipeline of two: while this thread hands one window's files on, in order, the
        // workers read and replay the next window.
        var current = windows.first.map(work) ?? []
        for index in windows.indices {
            let upcoming = NextWindow<Prepared>()
            let group = DispatchGroup()
            if index + 1 < windows.count {
                let window = windows[index + 1]
                DispatchQueue.global().async(group: group) { upcoming.store(work(window)) }
            }
            defer { group.wait() }
            for var file in current {
                // A name used in an earlier file adds an error, which changes whether the
                // scenario passed, which the tally records: tally the file again.
                if names.reportDuplicates(in: &file.report) {
                    file.tally = CoverageTally()
                    if audit != nil { file.tally.add(file.report) }
                    file.shown = selected(file.report)
                    file.prepared = prepare(file.shown)
                }
                tally.append(file.tally)
                if keepsSuite, let parsed = file.parsed {
                    parsedSuite.append(parsed)
                    replayedSuite.append(file.report)
                }
                totals.add(file.shown)
                try consume(file.shown, file.prepared)
            }
            current = []
            group.wait()
            current = upcoming.take()
        }
        guard let audit else { return SuiteResult(totals: totals) }
        let coverage = CoverageChecker(
            document: audit.document, citations: audit.citations, requireCoverage: audit.requireCoverage, wholeSuite: audit.wholeSuite
        ).check(tally)
        var suite = SuiteResult(totals: totals, suiteFindings: coverage.findings, coverage: coverage)
        if keepsSuite {
            let results = MutationTester(policy: policy, variants: audit.variants).run(parsedSuite, baseline: replayedSuite)
            suite.mutations = results
            suite.suiteFindings += MutationTester.findings(results, document: audit.document)
        }
        suite.suiteFindings.sort()
        suite.totals.count(suite.suiteFindings)
        return suite
    }

    /// Files read and replayed at once: enough to keep every core busy, few enough that a
    /// large suite is never in memory whole.
    static let windowSize = 64

    /// Checks one file.
    public func check(_ source: ScenarioSource) -> FileReport {
        selected(replay(read(source)))
    }

    /// Checks one file's text.
    public func check(text: String, path: String) -> FileReport {
        selected(replay(parse(text: text, path: path)))
    }

    /// Reads every source into scenarios, in parallel, keeping their order.
    public func read(_ sources: [ScenarioSource]) -> [ParsedScenarioFile] {
        parallelMap(sources) { read($0) }
    }

    /// Reads one source: decodes it (refusing hostile bytes) and parses its scenarios.
    public func read(_ source: ScenarioSource) -> ParsedScenarioFile {
        switch text(of: source) {
        case .text(let text):
            return parse(text: text, path: source.path)
        case .refused(let finding):
            return ParsedScenarioFile(path: source.path, scenarios: [], findings: [finding])
        }
    }

    private enum DecodedSource {
        case text(String)
        case refused(ScenarioFinding)
    }

    /// The source's text, decoded (refusing hostile bytes); its bytes are freed on return,
    /// before the text is parsed.
    private func text(of source: ScenarioSource) -> DecodedSource {
        let start = SourceLocation(path: source.path)
        switch source.resolved {
        case .unreadable(let reason):
            return .refused(.scenarioError(reason, at: start))
        case .deferred:
            return .refused(.scenarioError("the file can't be read", at: start))
        case .bytes(let bytes):
            do throws(YAMLInputProblem) {
                return .text(try YAMLTextDecoder(limits: limits.yaml).decode(bytes))
            } catch {
                return .refused(.scenarioError(error.message, at: error.location(in: source.path)))
            }
        }
    }

    private func parse(text: String, path: String) -> ParsedScenarioFile {
        ScenarioFileParser(path: path, limits: limits, parameters: policy.parameters).parse(text)
    }

    /// Replays every scenario of a file (no filter, no cap).
    func replay(_ file: ParsedScenarioFile) -> FileReport {
        let replayer = ScenarioReplayer(policy: policy)
        let scenarios: [ScenarioReport]
        if file.scenarios.count > Self.scenariosPerTask {
            // One large file: its scenarios are replayed in parallel, in slices.
            let slices = stride(from: 0, to: file.scenarios.count, by: Self.scenariosPerTask).map {
                file.scenarios[$0..<min($0 + Self.scenariosPerTask, file.scenarios.count)]
            }
            var replayed: [ScenarioReport] = []
            replayed.reserveCapacity(file.scenarios.count)
            for slice in parallelMap(slices, { $0.map { replayer.replay($0) } }) {
                replayed += slice
            }
            scenarios = replayed
        } else {
            scenarios = file.scenarios.map { replayer.replay($0) }
        }
        return FileReport(path: file.path, fileFindings: file.findings.sorted(), scenarios: scenarios)
    }

    /// Scenarios replayed by one task when a file has more.
    static let scenariosPerTask = 256

    /// The scenarios the filter selects, findings capped.
    private func selected(_ file: FileReport) -> FileReport {
        var report = file
        if !filter.isEmpty {
            report.scenarios = file.scenarios.filter { filter.selects($0) }
        }
        capFindings(of: &report)
        return report
    }

    /// Keeps a garbage file from flooding the output: past the limit, a warning says how many
    /// findings were left out. What is shown: each failing scenario's first error (so that every
    /// format still fails it), then the other errors, then warnings and notes, each in file
    /// order. The hidden ones still count in the totals (`FileReport.hidden`). Shown in file
    /// order whatever their severity, a thousand warnings hid the one error after them, failing
    /// scenarios were reported as passed, and the line saying so was itself an error.
    private func capFindings(of report: inout FileReport) {
        let limit = limits.maximumFindingsPerFile
        let total = report.fileFindings.count + report.scenarios.reduce(0) { $0 + $1.findings.count }
        guard total > limit else { return }
        // Each finding's rank, the file's findings first, then each scenario's, in file order.
        func rank(_ finding: ScenarioFinding, first: Bool) -> Int {
            switch finding.severity {
            case .error: first ? 0 : 1
            case .warning: 2
            case .note: 3
            }
        }
        var ranks = report.fileFindings.map { rank($0, first: false) }
        for scenario in report.scenarios {
            let firstError = scenario.findings.firstIndex { $0.severity == .error }
            ranks += scenario.findings.indices.map { rank(scenario.findings[$0], first: $0 == firstError) }
        }
        // The best ranks, in file order within a rank (a stable sort), every rank 0 among them.
        let shown = max(limit, ranks.count { $0 == 0 })
        var isShown = [Bool](repeating: false, count: ranks.count)
        for position in ranks.indices.sorted(by: { (ranks[$0], $0) < (ranks[$1], $1) }).prefix(shown) { isShown[position] = true }
        // The findings taken in the same order as `ranks`, the shown kept and the others counted.
        var position = 0
        func keep(_ findings: [ScenarioFinding]) -> [ScenarioFinding] {
            var kept: [ScenarioFinding] = []
            for finding in findings {
                defer { position += 1 }
                if isShown[position] {
                    kept.append(finding)
                } else if finding.severity == .error {
                    report.hidden.errors += 1
                } else if finding.severity == .warning {
                    report.hidden.warnings += 1
                }
            }
            return kept
        }
        report.fileFindings = keep(report.fileFindings)
        for index in report.scenarios.indices {
            report.scenarios[index].findings = keep(report.scenarios[index].findings)
        }
        // Each failing scenario's first error alone can pass the limit, leaving nothing hidden.
        let dropped = total - shown
        guard dropped > 0 else { return }
        report.fileFindings.append(
            .warning(
                "\(dropped) more findings in this file are not shown (\(report.hidden.errors) errors and \(report.hidden.warnings) warnings among them; at most \(limit) are shown per file, and a failing scenario's first error always); they count in the summary",
                at: SourceLocation(path: report.path)
            ))
    }
}
