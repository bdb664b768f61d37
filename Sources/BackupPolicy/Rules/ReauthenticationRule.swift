/// `reauthentication` (article): managing, setting up or changing a backup method from a
/// stale session first asks the person to sign in and authenticate again. The outcome is
/// `reauthenticate`, not `rejected`, and nothing changes.
public struct ReauthenticationRule: PolicyRule {
    public let id = PolicyRuleID.reauthentication
    public init() {}

    public func check(_ action: PolicyAction, on account: AccountState, normaliser: ContactNormaliser) -> RuleDecision? {
        guard action.managesBackupMethod, account.session == .stale else { return nil }
        return RuleDecision(
            rule: id, outcome: .reauthenticate,
            explanation: "the session is stale, so the person must sign in and authenticate again first"
        )
    }
}
