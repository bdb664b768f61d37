/// `prompt-at-2fa-setup` (article): setting up 2FA prompts the person to set up a backup
/// method when the account has none.
public struct PromptAtTwoFactorSetupRule: PolicyRule {
    public let id = PolicyRuleID.promptAtTwoFactorSetup
    public init() {}

    public func observe(_ action: PolicyAction, before: AccountState, after: AccountState, normaliser: ContactNormaliser) -> [ObservedField] {
        guard case .setUpTwoFactor = action else { return [] }
        if let backup = before.backup {
            return [ObservedField(.prompt, nil, decidedBy: id, explanation: "the account already has the backup method \(normaliser.display(backup))")]
        }
        return [ObservedField(.prompt, .setUpBackupMethodPrompt, decidedBy: id, explanation: "the account has no backup method")]
    }
}
