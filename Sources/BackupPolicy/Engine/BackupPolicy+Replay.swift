extension BackupPolicy {
    /// Applies one action to an account: the first rule (in precedence order) that stops
    /// it decides the outcome and nothing changes; otherwise the action takes effect and
    /// every rule may add observed fields.
    public func apply(_ action: PolicyAction, to account: AccountState) throws(InvalidPolicyInput) -> StepResult {
        let normaliser = self.normaliser
        try checkPossible(action, on: account, normaliser: normaliser)
        for rule in rules {
            if let decision = rule.check(action, on: account, normaliser: normaliser) {
                return StepResult(outcome: decision.outcome, decision: decision, account: account)
            }
        }
        let after = effect(of: action, on: account, normaliser: normaliser)
        var observed = actionFields(action, after: after, normaliser: normaliser)
        for rule in rules {
            observed += rule.observe(action, before: account, after: after, normaliser: normaliser)
        }
        observed.sort { $0.name < $1.name }
        return StepResult(outcome: .done, observed: observed, account: after)
    }

    /// What Account Management's banner shows for `account` (the `then: banner` check):
    /// the banner field the rules produce when Account Management is opened.
    public func banner(for account: AccountState) -> ObservedField? {
        let normaliser = self.normaliser
        return rules.lazy
            .flatMap { $0.observe(.openAccountManagement, before: account, after: account, normaliser: normaliser) }
            .first { $0.name == .banner }
    }

    private func checkPossible(_ action: PolicyAction, on account: AccountState, normaliser: ContactNormaliser) throws(InvalidPolicyInput) {
        switch action {
        case .setUpTwoFactor(let method):
            if let current = account.twoFactor {
                throw InvalidPolicyInput("2FA is already set up (two_factor: \(normaliser.display(current))); set_up_2fa needs an account without 2FA")
            }
            if let phone = method.phone, case .invalid(let attempt) = normaliser.phone.normalise(phone) {
                throw InvalidPolicyInput(
                    "the 2FA phone '\(phone)' is not a valid number (it normalises to '\(attempt)'); 2FA by \(method.methodName) needs an E.164 number")
            }
        case .setUpBackup(let contact), .changeBackup(let contact):
            if contact.phone == nil && contact.email == nil {
                throw InvalidPolicyInput("\(action.name.rawValue) needs a phone or an email, and has neither")
            }
        case .loseDevice, .loseRecoveryKey:
            if !account.hasTwoFactor {
                throw InvalidPolicyInput("\(action.name.rawValue) needs 2FA to be set up, and the account has two_factor: none")
            }
        default:
            break
        }
    }

    private func effect(of action: PolicyAction, on account: AccountState, normaliser: ContactNormaliser) -> AccountState {
        var after = account
        switch action {
        case .setUpTwoFactor(let method):
            after.twoFactor = method.trimmed
            after.device = .available
            after.recoveryKey = .held
        case .setUpBackup(let contact), .changeBackup(let contact):
            // The same value again (after normalisation) changes nothing, not even the
            // stored spelling.
            let backup = contact.singleMethod?.trimmed
            if !normaliser.sameBackup(account.backup, backup) { after.backup = backup }
        case .reauthenticate:
            after.session = .fresh
        case .loseDevice:
            after.device = .lost
        case .loseRecoveryKey:
            after.recoveryKey = .lost
        case .recover(.newRecoveryKey):
            after.recoveryKey = .held
            after.session = .fresh
        case .recover(.removeTwoFactorDevice):
            after.twoFactor = nil
            after.session = .fresh
        case .manageBackup, .openAccountManagement, .chooseBackupOption:
            break
        }
        return after
    }

    /// The observed fields that come from the action itself rather than from a rule.
    private func actionFields(_ action: PolicyAction, after account: AccountState, normaliser: ContactNormaliser) -> [ObservedField] {
        // Worded only for the two actions that show it.
        var backupText: String? { account.backup.map { "the account has the backup method \(normaliser.display($0))" } }
        switch action {
        case .manageBackup:
            return [
                ObservedField(
                    .page, account.backup == nil ? .setUpABackupMethodPage : .selectABackupMethodPage,
                    explanation: backupText ?? "the account has no backup method"
                )
            ]
        case .chooseBackupOption:
            return [
                ObservedField(
                    .message, account.backup == nil ? .noBackupMethod : .codeSent,
                    explanation: backupText ?? "the account has no backup method"
                )
            ]
        default:
            return []
        }
    }
}

extension TwoFactorMethod {
    var trimmed: TwoFactorMethod {
        switch self {
        case .text(let phone): .text(phone: phone.trimmingSurroundingWhitespace())
        case .call(let phone): .call(phone: phone.trimmingSurroundingWhitespace())
        case .app: .app
        }
    }
}

extension BackupMethod {
    var trimmed: BackupMethod {
        switch self {
        case .phone(let value): .phone(value.trimmingSurroundingWhitespace())
        case .email(let value): .email(value.trimmingSurroundingWhitespace())
        }
    }
}
