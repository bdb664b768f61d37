/// `two-factor-required` (derived): a backup method belongs to 2FA; it can be set up,
/// changed or used only while 2FA is set up.
public struct TwoFactorRequiredRule: PolicyRule {
    public let id = PolicyRuleID.twoFactorRequired
    public init() {}

    public func check(_ action: PolicyAction, on account: AccountState, normaliser: ContactNormaliser) -> RuleDecision? {
        guard action.touchesBackupMethod, !account.hasTwoFactor else { return nil }
        return reject("2FA is not set up on the account (two_factor: none)")
    }
}
