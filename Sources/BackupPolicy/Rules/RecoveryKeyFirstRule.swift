/// `recovery-key-first` (derived): the backup method is for when the recovery key is lost;
/// while the key is held, recovery goes through the key and recovery through the backup
/// method is rejected. The source article says what the backup method is for, not that it
/// is refused while the key is held: that part is the policy's decision.
public struct RecoveryKeyFirstRule: PolicyRule {
    public let id = PolicyRuleID.recoveryKeyFirst
    public init() {}

    public func check(_ action: PolicyAction, on account: AccountState, normaliser: ContactNormaliser) -> RuleDecision? {
        guard case .recover = action, account.recoveryKey == .held else { return nil }
        return reject("the recovery key is held (recovery_key: held), so recovery goes through the key, not the backup method")
    }
}
