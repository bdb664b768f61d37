/// The stable ids of the policy's rules, in precedence order: when an action breaks
/// several rules, the outcome names the first of them in this order.
public enum PolicyRuleID: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case sageAccountOnly = "sage-account-only"
    case twoFactorRequired = "two-factor-required"
    case reauthentication = "reauthentication"
    case setUpOnce = "set-up-once"
    case oneMethod = "one-method"
    case validContact = "valid-contact"
    case distinctFromAccount = "distinct-from-account"
    case backupRequired = "backup-required"
    case recoveryKeyFirst = "recovery-key-first"
    case deviceLostToRemove = "device-lost-to-remove"
    case bannerWhileMissing = "banner-while-missing"
    case promptAtTwoFactorSetup = "prompt-at-2fa-setup"

    /// Whether the rule states what the source article says (`article`), or fills a gap it
    /// leaves (`derived`: the team's decision, which articles must not present as the
    /// source's words).
    public enum Kind: String, Sendable, Hashable {
        case article
        case derived
    }

    public var kind: Kind {
        switch self {
        case .twoFactorRequired, .validContact, .recoveryKeyFirst: .derived
        default: .article
        }
    }

    /// The rule's position in the precedence order (0 is first): the order of the cases
    /// above, spelt out because coverage and sorting ask for it for every step.
    public var precedence: Int {
        switch self {
        case .sageAccountOnly: 0
        case .twoFactorRequired: 1
        case .reauthentication: 2
        case .setUpOnce: 3
        case .oneMethod: 4
        case .validContact: 5
        case .distinctFromAccount: 6
        case .backupRequired: 7
        case .recoveryKeyFirst: 8
        case .deviceLostToRemove: 9
        case .bannerWhileMissing: 10
        case .promptAtTwoFactorSetup: 11
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.precedence < rhs.precedence }
}
