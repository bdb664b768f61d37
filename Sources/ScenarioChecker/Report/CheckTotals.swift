/// The counts a report's summary line gives, summed file by file as a streamed check goes.
public struct CheckTotals: Sendable, Hashable {
    public var files = 0
    public var scenarios = 0
    public var failedScenarios = 0
    public var errors = 0
    public var warnings = 0

    public init() {}

    public var passedScenarios: Int { scenarios - failedScenarios }
    public var hasErrors: Bool { errors > 0 }

    /// Adds one file's scenarios and findings.
    public mutating func add(_ file: FileReport) {
        files += 1
        scenarios += file.scenarios.count
        failedScenarios += file.scenarios.reduce(0) { $0 + ($1.passed ? 0 : 1) }
        count(file.fileFindings)
        for scenario in file.scenarios {
            count(scenario.findings)
        }
        errors += file.hidden.errors
        warnings += file.hidden.warnings
    }

    /// Adds findings about the suite as a whole.
    public mutating func count(_ findings: [ScenarioFinding]) {
        for finding in findings {
            switch finding.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: break
            }
        }
    }
}

/// What a check gives besides its files: the totals, and, when the suite was audited, the
/// suite-level findings, the coverage of every rule and the mutation results.
public struct SuiteResult: Sendable {
    public var totals: CheckTotals
    /// Sorted by location.
    public var suiteFindings: [ScenarioFinding]
    public var coverage: PolicyCoverage?
    public var mutations: [MutationResult]?

    public init(totals: CheckTotals, suiteFindings: [ScenarioFinding] = [], coverage: PolicyCoverage? = nil, mutations: [MutationResult]? = nil) {
        self.totals = totals
        self.suiteFindings = suiteFindings
        self.coverage = coverage
        self.mutations = mutations
    }
}
