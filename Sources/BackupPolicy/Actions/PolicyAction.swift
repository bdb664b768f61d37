/// Something a person does that the policy decides: the `when:` steps of a scenario.
public enum PolicyAction: Sendable, Hashable {
    case setUpTwoFactor(TwoFactorMethod)
    case manageBackup
    case setUpBackup(BackupContact)
    case changeBackup(BackupContact)
    case reauthenticate
    case openAccountManagement
    case chooseBackupOption
    case loseDevice
    case loseRecoveryKey
    case recover(RecoveryOption)

    /// The action's name in scenario files.
    public var name: ActionName {
        switch self {
        case .setUpTwoFactor: .setUpTwoFactor
        case .manageBackup: .manageBackup
        case .setUpBackup: .setUpBackup
        case .changeBackup: .changeBackup
        case .reauthenticate: .reauthenticate
        case .openAccountManagement: .openAccountManagement
        case .chooseBackupOption: .chooseBackupOption
        case .loseDevice: .loseDevice
        case .loseRecoveryKey: .loseRecoveryKey
        case .recover: .recover
        }
    }

    /// The backup contact this action sets, for `set_up_backup` and `change_backup`.
    public var backupContact: BackupContact? {
        switch self {
        case .setUpBackup(let contact), .changeBackup(let contact): contact
        default: nil
        }
    }

    /// Whether this action uses the backup method (anything the `sage-account-only` and
    /// `two-factor-required` rules guard).
    var touchesBackupMethod: Bool {
        switch self {
        case .manageBackup, .setUpBackup, .changeBackup, .chooseBackupOption, .recover: true
        default: false
        }
    }

    /// Whether this action manages the backup method from Account Management, which asks
    /// a stale session to authenticate again.
    var managesBackupMethod: Bool {
        switch self {
        case .manageBackup, .setUpBackup, .changeBackup: true
        default: false
        }
    }
}

/// The names of the actions, as scenario files write them.
public enum ActionName: String, Sendable, Hashable, CaseIterable {
    case setUpTwoFactor = "set_up_2fa"
    case manageBackup = "manage_backup"
    case setUpBackup = "set_up_backup"
    case changeBackup = "change_backup"
    case reauthenticate = "reauthenticate"
    case openAccountManagement = "open_account_management"
    case chooseBackupOption = "choose_backup_option"
    case loseDevice = "lose_device"
    case loseRecoveryKey = "lose_recovery_key"
    case recover = "recover"

    /// The result fields (besides `outcome`) this action can produce.
    public var observedFields: [ObservedFieldName] {
        switch self {
        case .setUpTwoFactor: [.prompt]
        case .manageBackup: [.page]
        case .openAccountManagement: [.banner]
        case .chooseBackupOption: [.message]
        default: []
        }
    }

    /// Whether the action takes an argument.
    public var takesArgument: Bool {
        switch self {
        case .setUpTwoFactor, .setUpBackup, .changeBackup, .recover: true
        default: false
        }
    }
}
