import BackupPolicy
import HelpCenterDiagnostics
import HelpCenterYAML

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

    /// Checks every source and, with an audit, the suite as a whole.
    public func check(_ sources: [ScenarioSource], audit: SuiteAudit?) -> CheckReport {
        let parsed = read(sources)
        var replayed = concurrentMap(parsed) { replay($0) }
        Self.reportDuplicateNames(in: &replayed)
        var report = CheckReport(files: replayed.map(selected))
        guard let audit else { return report }
        let whole = CheckReport(files: replayed)
        let coverage = CoverageChecker(document: audit.document, citations: audit.citations, requireCoverage: audit.requireCoverage).check(whole)
        report.coverage = coverage
        report.suiteFindings = coverage.findings
        if !audit.variants.isEmpty {
            let results = MutationTester(policy: policy, variants: audit.variants).run(parsed, baseline: replayed)
            report.mutations = results
            report.suiteFindings += MutationTester.findings(results, document: audit.document)
        }
        report.suiteFindings.sort()
        return report
    }

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
        concurrentMap(sources) { read($0) }
    }

    /// Reads one source: decodes it (refusing hostile bytes) and parses its scenarios.
    public func read(_ source: ScenarioSource) -> ParsedScenarioFile {
        let start = SourceLocation(path: source.path)
        switch source.content {
        case .unreadable(let reason):
            return ParsedScenarioFile(path: source.path, scenarios: [], findings: [.scenarioError(reason, at: start)])
        case .bytes(let bytes):
            do throws(YAMLInputProblem) {
                return parse(text: try YAMLTextDecoder(limits: limits.yaml).decode(bytes), path: source.path)
            } catch {
                let location = error.location(in: source.path)
                return ParsedScenarioFile(path: source.path, scenarios: [], findings: [.scenarioError(error.message, at: location)])
            }
        }
    }

    private func parse(text: String, path: String) -> ParsedScenarioFile {
        ScenarioFileParser(path: path, limits: limits, parameters: policy.parameters).parse(text)
    }

    /// Replays every scenario of a file (no filter, no cap).
    func replay(_ file: ParsedScenarioFile) -> FileReport {
        let replayer = ScenarioReplayer(policy: policy)
        return FileReport(path: file.path, fileFindings: file.findings.sorted(), scenarios: file.scenarios.map { replayer.replay($0) })
    }

    /// The scenarios the filter selects, findings capped.
    private func selected(_ file: FileReport) -> FileReport {
        var report = file
        if !filter.isEmpty {
            report.scenarios = file.scenarios.filter { filter.selects($0) }
        }
        capFindings(of: &report)
        return report
    }

    /// Names must be unique across the suite (articles embed scenarios by name): a name
    /// already used in an earlier file is an error at the later scenario's name.
    static func reportDuplicateNames(in files: inout [FileReport]) {
        var firstUse: [String: SourceLocation] = [:]
        for fileIndex in files.indices {
            var inThisFile = Set<String>()
            for index in files[fileIndex].scenarios.indices {
                let scenario = files[fileIndex].scenarios[index]
                if let first = firstUse[scenario.name], first.path != scenario.location.path {
                    guard inThisFile.insert(scenario.name).inserted else { continue }
                    files[fileIndex].scenarios[index].findings.append(.scenarioError(
                        "duplicate scenario name '\(scenario.name)' (first used at \(first)); names are unique across the suite, because articles embed scenarios by name",
                        at: scenario.location, scenario: scenario.name
                    ))
                    files[fileIndex].scenarios[index].findings.sort()
                } else if firstUse[scenario.name] == nil {
                    firstUse[scenario.name] = scenario.location
                }
            }
        }
    }

    /// Keeps a garbage file from flooding the output: past the limit, one more finding says
    /// how many were left out.
    private func capFindings(of report: inout FileReport) {
        var budget = limits.maximumFindingsPerFile
        var dropped = 0
        func keep(_ findings: [ScenarioFinding]) -> [ScenarioFinding] {
            let kept = Array(findings.prefix(max(0, budget)))
            dropped += findings.count - kept.count
            budget -= kept.count
            return kept
        }
        report.fileFindings = keep(report.fileFindings)
        for index in report.scenarios.indices {
            report.scenarios[index].findings = keep(report.scenarios[index].findings)
        }
        if dropped > 0 {
            report.fileFindings.append(.scenarioError(
                "\(dropped) more findings in this file are not shown (at most \(limits.maximumFindingsPerFile) per file)",
                at: SourceLocation(path: report.path)
            ))
        }
    }
}
