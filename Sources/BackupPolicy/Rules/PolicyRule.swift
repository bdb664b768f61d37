/// One rule of the backup-method policy. Each rule is a small type of its own; the policy
/// asks every rule, in precedence order, whether it stops an action, and asks them all
/// which observed fields they produce. A policy variant can replace or drop a rule.
public protocol PolicyRule: Sendable {
    /// The rule's stable id.
    var id: PolicyRuleID { get }

    /// Whether this rule stops `action` on `account`; `nil` lets it through.
    func check(_ action: PolicyAction, on account: AccountState, normaliser: ContactNormaliser) -> RuleDecision?

    /// Observed fields this rule produces for an action that went through; `before` and
    /// `after` are the account around the action.
    func observe(_ action: PolicyAction, before: AccountState, after: AccountState, normaliser: ContactNormaliser) -> [ObservedField]

    /// Whether a scenario's starting state breaks this rule; `nil` when it doesn't.
    func check(starting: StartingAccount, normaliser: ContactNormaliser) -> RuleDecision?
}

extension PolicyRule {
    public func check(_ action: PolicyAction, on account: AccountState, normaliser: ContactNormaliser) -> RuleDecision? { nil }

    public func observe(_ action: PolicyAction, before: AccountState, after: AccountState, normaliser: ContactNormaliser) -> [ObservedField] { [] }

    public func check(starting: StartingAccount, normaliser: ContactNormaliser) -> RuleDecision? { nil }

    /// A `rejected` decision by this rule.
    func reject(_ explanation: String) -> RuleDecision {
        RuleDecision(rule: id, outcome: .rejected(id), explanation: explanation)
    }
}

/// A rule stopping an action: the rule, the outcome it gives (`rejected`, or
/// `reauthenticate` for the reauthentication rule) and an explanation with the
/// normalised values involved.
public struct RuleDecision: Sendable, Hashable, CustomStringConvertible {
    public var rule: PolicyRuleID
    public var outcome: StepOutcome
    public var explanation: String

    public init(rule: PolicyRuleID, outcome: StepOutcome, explanation: String) {
        self.rule = rule
        self.outcome = outcome
        self.explanation = explanation
    }

    /// `rule-id: explanation`, the form messages quote.
    public var description: String { "\(rule.rawValue): \(explanation)" }
}
