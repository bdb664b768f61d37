/// What each rule can decide, as the policy's action table states it: the actions it can
/// stop, or the observed field it produces. Coverage uses it to find the steps a rule let
/// through; the state graph uses it to label transitions.
extension PolicyRuleID {
    /// The actions this rule is consulted on.
    public var actions: [ActionName] {
        switch self {
        case .sageAccountOnly, .twoFactorRequired:
            [.manageBackup, .setUpBackup, .changeBackup, .chooseBackupOption, .recover]
        case .reauthentication:
            [.manageBackup, .setUpBackup, .changeBackup]
        case .setUpOnce, .oneMethod, .validContact:
            [.setUpBackup, .changeBackup]
        case .distinctFromAccount:
            [.setUpTwoFactor, .setUpBackup, .changeBackup]
        case .backupRequired, .recoveryKeyFirst, .deviceLostToRemove:
            [.recover]
        case .bannerWhileMissing:
            [.openAccountManagement]
        case .promptAtTwoFactorSetup:
            [.setUpTwoFactor]
        }
    }

    /// The observed field this rule produces, for the rules that decide a field rather than
    /// stop an action (`banner-while-missing`, `prompt-at-2fa-setup`).
    public var observedField: ObservedFieldName? {
        switch self {
        case .bannerWhileMissing: .banner
        case .promptAtTwoFactorSetup: .prompt
        default: nil
        }
    }
}

extension ObservedField {
    /// Whether the deciding rule fired: the banner is shown, the prompt appears. `hidden` and
    /// `none` are the rule holding back (an "allowed" case for coverage).
    public var ruleFired: Bool {
        guard let value else { return false }
        return value != .hidden
    }
}
