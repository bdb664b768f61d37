import BackupPolicy
import HelpCenterDiagnostics

/// What checking one scenario gave: its findings, and each replayed step's result (which
/// records the rule that decided it).
public struct ScenarioReport: Sendable {
    public var name: String
    public var location: SourceLocation
    public var tags: [String]
    public var rules: [PolicyRuleID]
    /// Sorted by location.
    public var findings: [ScenarioFinding]
    public var steps: [ReplayedStep]

    /// Whether the scenario agrees with the policy (warnings aside).
    public var passed: Bool { !findings.contains { $0.severity == .error } }

    /// Every rule that decided something in this scenario: the starting state's violations
    /// and each step's deciding rules.
    public var decidingRules: Set<PolicyRuleID> {
        var rules = Set(steps.flatMap { $0.result?.decidingRules ?? [] })
        rules.formUnion(findings.filter { $0.kind == .invalidState }.compactMap(\.rule))
        return rules
    }
}

/// One replayed step: the action, where it was written, and what the policy gave (`nil`
/// when the step was impossible).
public struct ReplayedStep: Sendable {
    public var action: PolicyAction
    public var location: SourceLocation
    public var result: StepResult?
}

/// What checking one file gave.
public struct FileReport: Sendable {
    public var path: String
    /// Findings about the file as a whole (unreadable, invalid YAML, not a scenario file).
    public var fileFindings: [ScenarioFinding]
    public var scenarios: [ScenarioReport]

    /// Every finding of the file, in source order.
    public var findings: [ScenarioFinding] {
        (fileFindings + scenarios.flatMap(\.findings)).sorted()
    }
}

/// What a whole `helpcenter check` run gave, files in path order.
public struct CheckReport: Sendable {
    public var files: [FileReport]

    public init(files: [FileReport]) {
        self.files = files
    }

    public var findings: [ScenarioFinding] { files.flatMap(\.findings) }
    public var scenarioCount: Int { files.reduce(0) { $0 + $1.scenarios.count } }
    public var failedScenarioCount: Int { files.reduce(0) { $0 + $1.scenarios.filter { !$0.passed }.count } }
    public var errorCount: Int { findings.filter { $0.severity == .error }.count }
    public var warningCount: Int { findings.filter { $0.severity == .warning }.count }
    public var hasErrors: Bool { files.contains { file in file.findings.contains { $0.severity == .error } } }
}
