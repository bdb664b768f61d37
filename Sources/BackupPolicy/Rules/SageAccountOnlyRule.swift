/// `sage-account-only` (article): only people who sign in with a Sage account login can
/// set up, change or use a backup method.
public struct SageAccountOnlyRule: PolicyRule {
    public let id = PolicyRuleID.sageAccountOnly
    public init() {}

    public func check(_ action: PolicyAction, on account: AccountState, normaliser: ContactNormaliser) -> RuleDecision? {
        guard action.touchesBackupMethod, account.login == .other else { return nil }
        return reject("the person signs in with an 'other' login, not a Sage account login")
    }

    public func check(starting: StartingAccount, normaliser: ContactNormaliser) -> RuleDecision? {
        guard starting.account.login == .other, starting.backup != nil else { return nil }
        return reject("the starting state has a backup method on an 'other' login; only Sage account logins have one")
    }
}
