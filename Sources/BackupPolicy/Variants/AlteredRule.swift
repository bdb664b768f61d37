/// A rule whose behaviour a policy variant changes. It asks the rule it wraps, but can let
/// some actions through unchecked, show the rule a different account, make it compare
/// contacts differently, or change what it decides and observes. Only mutation testing
/// builds these; the policy itself uses the rules as they are.
public struct AlteredRule: PolicyRule {
    public let original: any PolicyRule
    public var id: PolicyRuleID { original.id }

    /// Actions the altered rule lets through without asking the original.
    var skips: @Sendable (PolicyAction) -> Bool = { _ in false }
    /// The account the original rule is shown (in checks, observations and starting states).
    var sees: @Sendable (AccountState) -> AccountState = { $0 }
    /// How the original rule compares contacts; `nil` keeps the policy's comparison.
    var comparison: ContactComparison?
    /// What becomes of a decision the original rule takes.
    var decides: @Sendable (RuleDecision) -> RuleDecision = { $0 }
    /// What becomes of an observed field the original rule produces.
    var observes: @Sendable (ObservedField) -> ObservedField = { $0 }

    public init(_ original: any PolicyRule) {
        self.original = original
    }

    public func check(_ action: PolicyAction, on account: AccountState, normaliser: ContactNormaliser) -> RuleDecision? {
        guard !skips(action) else { return nil }
        return original.check(action, on: sees(account), normaliser: altered(normaliser)).map(decides)
    }

    public func observe(_ action: PolicyAction, before: AccountState, after: AccountState, normaliser: ContactNormaliser) -> [ObservedField] {
        guard !skips(action) else { return [] }
        return original.observe(action, before: sees(before), after: sees(after), normaliser: altered(normaliser)).map(observes)
    }

    public func check(starting: StartingAccount, normaliser: ContactNormaliser) -> RuleDecision? {
        var seen = starting
        seen.account = sees(starting.account)
        return original.check(starting: seen, normaliser: altered(normaliser)).map(decides)
    }

    private func altered(_ normaliser: ContactNormaliser) -> ContactNormaliser {
        guard let comparison else { return normaliser }
        var altered = normaliser
        altered.comparison = comparison
        return altered
    }
}
