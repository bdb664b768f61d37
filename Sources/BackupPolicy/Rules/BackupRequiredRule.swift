/// `backup-required` (article): recovering through a backup method needs one to be set up.
public struct BackupRequiredRule: PolicyRule {
    public let id = PolicyRuleID.backupRequired
    public init() {}

    public func check(_ action: PolicyAction, on account: AccountState, normaliser: ContactNormaliser) -> RuleDecision? {
        guard case .recover = action, account.backup == nil else { return nil }
        return reject("the account has no backup method to recover through")
    }
}
