/// `device-lost-to-remove` (article): removing the 2FA device through the backup method is
/// only for when the primary 2FA method can't be reached; with the device available, only
/// a new recovery key can be generated.
public struct DeviceLostToRemoveRule: PolicyRule {
    public let id = PolicyRuleID.deviceLostToRemove
    public init() {}

    public func check(_ action: PolicyAction, on account: AccountState, normaliser: ContactNormaliser) -> RuleDecision? {
        guard case .recover(.removeTwoFactorDevice) = action, account.device == .available else { return nil }
        return reject("the 2FA device is available (device: available), so only a new recovery key can be generated")
    }
}
