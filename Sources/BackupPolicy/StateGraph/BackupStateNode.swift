/// Which backup method an account has, without its value.
public enum BackupMethodKind: String, Sendable, Hashable, CaseIterable {
    case none
    case phone
    case email

    public init(_ backup: BackupMethod?) {
        switch backup {
        case nil: self = .none
        case .phone?: self = .phone
        case .email?: self = .email
        }
    }
}

/// One state of the backup-method state diagram: the kind of backup method × whether 2FA
/// is set up, for a Sage account login (an `other` login can't have a backup method).
public struct BackupStateNode: Sendable, Hashable {
    public var backup: BackupMethodKind
    public var twoFactor: Bool
    /// What Account Management's banner shows in this state (`banner-while-missing`).
    public var banner: ObservedValue?

    /// `phone-2fa-on`: a stable id for drawing and linking.
    public var id: String { "\(backup.rawValue)-2fa-\(twoFactor ? "on" : "off")" }

    /// `backup: phone, 2FA on`.
    public var label: String { "backup: \(backup.rawValue), 2FA \(twoFactor ? "on" : "off")" }
}

/// One arrow of the state diagram: an action (with a representative argument) from one
/// state, its outcome (and the deciding rule when it is stopped), and the state it leads to.
public struct BackupStateTransition: Sendable, Hashable {
    public var from: String
    public var to: String
    public var action: ActionName
    /// The representative argument used, as a scenario writes it.
    public var argument: String?
    public var outcome: StepOutcome
    /// The observed fields of a `done` step (`prompt`, `page`, `message`, `banner`), each
    /// with the rule that decided it.
    public var observed: [ObservedField]
    /// What else the transition assumes about the account, when it matters
    /// (recovery assumes the recovery key and the device are lost).
    public var assumption: String?

    /// Whether the arrow goes to another state.
    public var changesState: Bool { from != to }

    /// `set_up_backup {phone: …} → done`, `recover new-recovery-key → rejected (backup-required)`.
    public var label: String {
        var text = action.rawValue
        if let argument { text += " " + argument }
        switch outcome {
        case .done: text += " → done"
        case .rejected(let rule): text += " → rejected (\(rule.rawValue))"
        case .reauthenticate: text += " → reauthenticate"
        }
        return text
    }
}
