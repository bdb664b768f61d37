/// The outcome of one action.
public enum StepOutcome: Sendable, Hashable, CustomStringConvertible {
    case done
    case rejected(PolicyRuleID)
    case reauthenticate

    public var description: String {
        switch self {
        case .done: "done"
        case .rejected(let rule): "rejected by \(rule.rawValue)"
        case .reauthenticate: "reauthenticate"
        }
    }
}

/// What the policy gives for one action: the outcome, the rule that decided it (for
/// `rejected` and `reauthenticate`), the observed fields and the account afterwards.
public struct StepResult: Sendable, Hashable {
    public var outcome: StepOutcome
    /// The rule that stopped the action, with its explanation; `nil` when it went through.
    public var decision: RuleDecision?
    /// Observed fields, in ``ObservedFieldName`` order; a field not present is `none`.
    public var observed: [ObservedField]
    public var account: AccountState

    public init(outcome: StepOutcome, decision: RuleDecision? = nil, observed: [ObservedField] = [], account: AccountState) {
        self.outcome = outcome
        self.decision = decision
        self.observed = observed
        self.account = account
    }

    /// The observed field with this name, or `nil` when the result has none.
    public func observed(_ name: ObservedFieldName) -> ObservedField? {
        observed.first { $0.name == name }
    }

    /// Every rule that decided something about this step: the one that stopped it, or the
    /// ones that produced its observed fields.
    public var decidingRules: [PolicyRuleID] {
        if let decision { return [decision.rule] }
        return observed.compactMap(\.decidedBy)
    }
}
