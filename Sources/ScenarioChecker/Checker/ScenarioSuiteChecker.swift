import BackupPolicy
import Dispatch
import HelpCenterDiagnostics

/// Checks scenario files against the backup-method policy: reads each file (refusing
/// hostile input with a finding), replays every selected scenario, and gathers the
/// findings. Files are checked in parallel; the report keeps the sources' order.
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
        let reports = UnsafeMutableBufferPointer<FileReport?>.allocate(capacity: sources.count)
        reports.initialize(repeating: nil)
        defer { reports.deallocate() }
        let slots = FileReportSlots(buffer: reports)
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            slots.store(check(sources[index]), at: index)
        }
        return CheckReport(files: reports.compactMap { $0 })
    }

    /// Checks one file.
    public func check(_ source: ScenarioSource) -> FileReport {
        let start = SourceLocation(path: source.path)
        let text: String
        switch source.content {
        case .unreadable(let reason):
            return FileReport(path: source.path, fileFindings: [.scenarioError(reason, at: start)], scenarios: [])
        case .bytes(let bytes):
            do throws(InputProblem) {
                text = try ScenarioTextDecoder(limits: limits).decode(bytes)
            } catch {
                let location = SourceLocation(path: source.path, line: error.line, column: error.column)
                return FileReport(path: source.path, fileFindings: [.scenarioError(error.message, at: location)], scenarios: [])
            }
        }
        return check(text: text, path: source.path)
    }

    /// Checks one file's text.
    public func check(text: String, path: String) -> FileReport {
        let parsed = ScenarioFileParser(path: path, limits: limits, parameters: policy.parameters).parse(text)
        let replayer = ScenarioReplayer(policy: policy)
        let scenarios = parsed.scenarios
            .filter { filter.selects($0) }
            .map { replayer.replay($0) }
            .filter { filter.selects($0) }
        var report = FileReport(path: path, fileFindings: parsed.findings.sorted(), scenarios: scenarios)
        capFindings(of: &report)
        return report
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

/// Result slots that parallel workers fill, each its own index.
private struct FileReportSlots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<FileReport?>

    func store(_ report: FileReport, at index: Int) {
        buffer[index] = report
    }
}
