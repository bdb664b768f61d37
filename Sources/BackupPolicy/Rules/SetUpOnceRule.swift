/// `set-up-once` (article): "set up" is only for an account with no backup method; an
/// account that has one changes it instead.
public struct SetUpOnceRule: PolicyRule {
    public let id = PolicyRuleID.setUpOnce
    public init() {}

    public func check(_ action: PolicyAction, on account: AccountState, normaliser: ContactNormaliser) -> RuleDecision? {
        switch (action, account.backup) {
        case (.setUpBackup, let backup?):
            return reject("the account already has the backup method \(normaliser.display(backup)); it changes it instead (change_backup)")
        case (.changeBackup, nil):
            return reject("the account has no backup method to change; it sets one up instead (set_up_backup)")
        default:
            return nil
        }
    }
}
