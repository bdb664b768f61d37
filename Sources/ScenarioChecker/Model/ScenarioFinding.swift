import BackupPolicy
import HelpCenterDiagnostics

/// A place where a scenario file and the policy disagree, or where the file is not a valid
/// scenario file: a diagnostic (location, severity, rule id, message) with its kind and the
/// scenario it belongs to.
public struct ScenarioFinding: Sendable, Hashable, Comparable {
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// A step's `expect` or a `then` field disagrees with the policy.
        case mismatch
        /// A `given` that the policy forbids (reported under the rule it breaks).
        case invalidState = "invalid-state"
        /// The file is not a valid scenario file.
        case scenarioError = "scenario-error"
        /// An article cites a rule id the policy doesn't have (at the citation).
        case unknownRule = "unknown-rule"
        /// A rule no article cites, or that decides no step of any scenario (at the rule's
        /// entry in the policy file).
        case uncoveredRule = "uncovered-rule"
        /// An article last updated before the wording of a rule it cites changed.
        case staleArticle = "stale-article"
        /// A policy variant that no scenario notices (at the rule's entry in the policy file).
        case survivingMutant = "surviving-mutant"

        /// Whether findings of this kind are about the suite, the policy and the articles as
        /// a whole rather than about one scenario file.
        public var isSuiteLevel: Bool {
            switch self {
            case .mismatch, .invalidState, .scenarioError: false
            case .unknownRule, .uncoveredRule, .staleArticle, .survivingMutant: true
            }
        }
    }

    public var kind: Kind
    public var diagnostic: Diagnostic
    /// The scenario's name, or `nil` for a finding about the file as a whole.
    public var scenario: String?
    /// For suite-level findings (filed under their kind), the policy rule they are about.
    public var subjectRule: PolicyRuleID?

    public init(_ kind: Kind, _ diagnostic: Diagnostic, scenario: String? = nil, subjectRule: PolicyRuleID? = nil) {
        self.kind = kind
        self.diagnostic = diagnostic
        self.scenario = scenario
        self.subjectRule = subjectRule
    }

    public var location: SourceLocation { diagnostic.location }
    public var severity: DiagnosticSeverity { diagnostic.severity }
    public var message: String { diagnostic.message }

    /// The policy rule concerned, when one is.
    public var rule: PolicyRuleID? { diagnostic.id.flatMap(PolicyRuleID.init(rawValue:)) ?? subjectRule }

    /// The id reports file the finding under: the policy rule, or the finding's kind.
    public var reportID: String { diagnostic.id ?? kind.rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.diagnostic < rhs.diagnostic }

    static func error(_ kind: Kind, _ message: String, at location: SourceLocation, rule: PolicyRuleID? = nil, scenario: String? = nil) -> Self {
        ScenarioFinding(kind, .error(message, at: location, id: rule?.rawValue), scenario: scenario)
    }

    static func scenarioError(_ message: String, at location: SourceLocation, scenario: String? = nil) -> Self {
        error(.scenarioError, message, at: location, scenario: scenario)
    }

    static func warning(_ message: String, at location: SourceLocation, scenario: String? = nil) -> Self {
        ScenarioFinding(.scenarioError, .warning(message, at: location), scenario: scenario)
    }

    /// A suite-level finding, filed (and printed) under its kind: `[surviving-mutant]`.
    static func suite(_ kind: Kind, _ severity: DiagnosticSeverity, _ message: String, at location: SourceLocation, about rule: PolicyRuleID? = nil) -> Self {
        ScenarioFinding(kind, Diagnostic(severity, message, at: location, id: kind.rawValue), subjectRule: rule)
    }
}
