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
    /// The starting state as written (`given`).
    public var given = StartingAccount()
    /// The account after the last replayed step; `nil` when nothing could be replayed.
    public var finalAccount: AccountState?

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
    /// What the file expects of the step (empty: replayed but not checked).
    public var expectations: [StepExpectation]
}

/// What checking one file gave.
public struct FileReport: Sendable {
    public var path: String
    /// Findings about the file as a whole (unreadable, invalid YAML, not a scenario file).
    public var fileFindings: [ScenarioFinding]
    public var scenarios: [ScenarioReport]
    /// Findings past the file's limit (`ScenarioInputLimits.maximumFindingsPerFile`), not
    /// shown but counted in the totals.
    public var hidden = HiddenFindings()

    /// Every finding of the file, in source order.
    public var findings: [ScenarioFinding] {
        (fileFindings + scenarios.flatMap(\.findings)).sorted()
    }
}

/// How many of a file's findings its report leaves out, by severity (notes are not counted).
public struct HiddenFindings: Sendable, Hashable {
    public var errors = 0
    public var warnings = 0

    public init() {}
}

/// What a whole `helpcenter check` run gave, files in path order, and, when the suite was
/// audited, the coverage of every rule and the mutation results.
public struct CheckReport: Sendable {
    public var files: [FileReport]
    /// Findings about the suite, the policy and the articles as a whole (unknown rule ids in
    /// citations, stale articles, uncovered rules, surviving mutants), sorted by location.
    public var suiteFindings: [ScenarioFinding]
    /// Per-rule coverage, when the suite was audited.
    public var coverage: PolicyCoverage?
    /// One result per policy variant, when mutation testing ran.
    public var mutations: [MutationResult]?

    public init(files: [FileReport], suiteFindings: [ScenarioFinding] = [], coverage: PolicyCoverage? = nil, mutations: [MutationResult]? = nil) {
        self.files = files
        self.suiteFindings = suiteFindings
        self.coverage = coverage
        self.mutations = mutations
    }

    /// Every finding: each file's in path order, then the suite-level ones.
    public var findings: [ScenarioFinding] { files.flatMap(\.findings) + suiteFindings }

    /// The summary's counts.
    public var totals: CheckTotals {
        var totals = CheckTotals()
        for file in files { totals.add(file) }
        totals.count(suiteFindings)
        return totals
    }

    /// What the report gives besides its files.
    public var suite: SuiteResult {
        SuiteResult(totals: totals, suiteFindings: suiteFindings, coverage: coverage, mutations: mutations)
    }

    public var scenarioCount: Int { files.reduce(0) { $0 + $1.scenarios.count } }
    public var hasErrors: Bool { totals.hasErrors }
}
