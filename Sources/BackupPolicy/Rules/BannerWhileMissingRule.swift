/// `banner-while-missing` (article): Account Management shows the "Backup method not set
/// up" banner exactly while a Sage account login has 2FA set up and no backup method.
public struct BannerWhileMissingRule: PolicyRule {
    public let id = PolicyRuleID.bannerWhileMissing
    public init() {}

    public func observe(_ action: PolicyAction, before: AccountState, after: AccountState, normaliser: ContactNormaliser) -> [ObservedField] {
        guard case .openAccountManagement = action else { return [] }
        return [banner(for: after, normaliser: normaliser)]
    }

    func banner(for account: AccountState, normaliser: ContactNormaliser) -> ObservedField {
        let shown: Bool
        let explanation: String
        if account.login != .sageAccount {
            (shown, explanation) = (false, "the person signs in with an 'other' login")
        } else if !account.hasTwoFactor {
            (shown, explanation) = (false, "2FA is not set up")
        } else if let backup = account.backup {
            (shown, explanation) = (false, "the account has the backup method \(normaliser.display(backup))")
        } else {
            (shown, explanation) = (true, "a Sage account login with 2FA set up and no backup method")
        }
        return ObservedField(.banner, shown ? .shown : .hidden, decidedBy: id, explanation: explanation)
    }
}
