/// The backup-method policy: its rules in precedence order and its parameters. Replaying
/// actions (``apply(_:to:)``) and vetting starting states (``start(from:)``) are pure.
///
/// The rule list is a value, so a variant of the policy (one rule dropped or altered) is
/// another `BackupPolicy` with a different list.
public struct BackupPolicy: Sendable {
    /// The rules, in the order they are consulted; the first that stops an action decides it.
    public var rules: [any PolicyRule]
    public var parameters: PolicyParameters

    public init(parameters: PolicyParameters = PolicyParameters(), rules: [any PolicyRule] = BackupPolicy.standardRules) {
        self.parameters = parameters
        self.rules = rules
    }

    /// The policy's twelve rules, in precedence order.
    public static let standardRules: [any PolicyRule] = [
        SageAccountOnlyRule(),
        TwoFactorRequiredRule(),
        ReauthenticationRule(),
        SetUpOnceRule(),
        OneMethodRule(),
        ValidContactRule(),
        DistinctFromAccountRule(),
        BackupRequiredRule(),
        RecoveryKeyFirstRule(),
        DeviceLostToRemoveRule(),
        BannerWhileMissingRule(),
        PromptAtTwoFactorSetupRule(),
    ]

    /// The ids this policy implements, in the order it consults them.
    public var ruleIDs: [PolicyRuleID] { rules.map(\.id) }

    /// Normalisers configured with this policy's parameters.
    public var normaliser: ContactNormaliser { ContactNormaliser(parameters: parameters) }
}
