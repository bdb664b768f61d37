import Testing

@testable import BackupPolicy

/// Every action's effect and observed field when it goes through, and the impossible steps.
@Suite("Policy actions")
struct PolicyActionTests {
    let policy = BackupPolicy()

    @Test("set_up_2fa sets the method, a reachable device and a held key")
    func setUpTwoFactor() throws {
        var account = AccountState(device: .lost, recoveryKey: .lost)
        account.twoFactor = nil
        let result = try policy.apply(.setUpTwoFactor(.text(phone: " 07700 900123 ")), to: account)
        #expect(result.outcome == .done)
        #expect(result.account.twoFactor == .text(phone: "07700 900123"))
        #expect(result.account.device == .available)
        #expect(result.account.recoveryKey == .held)
    }

    @Test("set_up_2fa while 2FA is set up is impossible")
    func setUpTwoFactorTwice() {
        #expect(throws: InvalidPolicyInput.self) { try policy.apply(.setUpTwoFactor(.app), to: Accounts.withTwoFactor) }
    }

    @Test(
        "set_up_2fa by text or call to a malformed number is impossible",
        arguments: [
            TwoFactorMethod.text(phone: "12"), .call(phone: "+44 7700 9001 23x"), .text(phone: ""),
        ])
    func setUpTwoFactorBadPhone(method: TwoFactorMethod) {
        #expect(throws: InvalidPolicyInput.self) { try policy.apply(.setUpTwoFactor(method), to: AccountState()) }
    }

    @Test(
        "manage_backup lands on the set-up page without a backup and the select page with one",
        arguments: [
            (Accounts.withTwoFactor, ObservedValue.setUpABackupMethodPage),
            (Accounts.withBackupEmail, .selectABackupMethodPage),
        ])
    func manageBackup(account: AccountState, page: ObservedValue) throws {
        let result = try policy.apply(.manageBackup, to: account)
        #expect(result.outcome == .done)
        #expect(result.observed(.page)?.value == page)
        #expect(result.account == account)
    }

    @Test("set_up_backup stores the backup as typed, trimmed")
    func setUpBackup() throws {
        let result = try policy.apply(.setUpBackup(BackupContact(email: "  Jane.Backup@Example.org ")), to: Accounts.withTwoFactor)
        #expect(result.outcome == .done)
        #expect(result.account.backup == .email("Jane.Backup@Example.org"))
    }

    @Test("change_backup replaces the backup whatever its kind; the same value again changes nothing")
    func changeBackup() throws {
        let toPhone = try policy.apply(.changeBackup(BackupContact(phone: "07700 900999")), to: Accounts.withBackupEmail)
        #expect(toPhone.outcome == .done)
        #expect(toPhone.account.backup == .phone("07700 900999"))
        let again = try policy.apply(.changeBackup(BackupContact(phone: "+447700900999")), to: toPhone.account)
        #expect(again.outcome == .done)
        #expect(again.account == toPhone.account, "the same number again keeps even the stored spelling")
    }

    @Test(
        "change_backup to the same value in another spelling is done and changes nothing",
        arguments: [
            (BackupMethod.email("jane.backup@example.org"), BackupContact(email: "Jane.Backup+new@EXAMPLE.org")),
            (.phone("07700 900999"), BackupContact(phone: "+44 (0)7700-900-999")),
            (.phone("07700 900999"), BackupContact(phone: "07700 900999")),
        ])
    func changeBackupToSameValue(current: BackupMethod, contact: BackupContact) throws {
        var account = Accounts.withTwoFactor
        account.backup = current
        let result = try policy.apply(.changeBackup(contact), to: account)
        #expect(result.outcome == .done)
        #expect(result.account == account)
    }

    @Test("a backup step with neither phone nor email is impossible")
    func emptyContact() {
        #expect(throws: InvalidPolicyInput.self) { try policy.apply(.setUpBackup(BackupContact()), to: Accounts.withTwoFactor) }
    }

    @Test("reauthenticate makes the session fresh and is always done")
    func reauthenticate() throws {
        let result = try policy.apply(.reauthenticate, to: AccountState(login: .other, session: .stale))
        #expect(result.outcome == .done)
        #expect(result.account.session == .fresh)
    }

    @Test("open_account_management changes nothing and reports the banner")
    func openAccountManagement() throws {
        let result = try policy.apply(.openAccountManagement, to: Accounts.withTwoFactor)
        #expect(result.account == Accounts.withTwoFactor)
        #expect(result.observed.map(\.name) == [.banner])
    }

    @Test(
        "choose_backup_option says whether a code was sent",
        arguments: [
            (Accounts.withTwoFactor, ObservedValue.noBackupMethod),
            (Accounts.withBackupEmail, .codeSent),
        ])
    func chooseBackupOption(account: AccountState, message: ObservedValue) throws {
        let result = try policy.apply(.chooseBackupOption, to: account)
        #expect(result.outcome == .done)
        #expect(result.observed(.message)?.value == message)
        #expect(result.observed(.message)?.decidedBy == nil)
    }

    @Test("lose_device and lose_recovery_key need 2FA", arguments: [PolicyAction.loseDevice, .loseRecoveryKey])
    func losing(action: PolicyAction) throws {
        #expect(throws: InvalidPolicyInput.self) { try policy.apply(action, to: AccountState()) }
        let result = try policy.apply(action, to: Accounts.withTwoFactor)
        #expect(result.outcome == .done)
        #expect(result.account.device == (action == .loseDevice ? .lost : .available))
        #expect(result.account.recoveryKey == (action == .loseRecoveryKey ? .lost : .held))
    }

    @Test("recover with a new recovery key: key held, session fresh, device unchanged")
    func recoverNewKey() throws {
        var account = Accounts.lockedOut
        account.session = .stale
        let result = try policy.apply(.recover(.newRecoveryKey), to: account)
        #expect(result.outcome == .done)
        #expect(result.account.recoveryKey == .held)
        #expect(result.account.session == .fresh)
        #expect(result.account.device == .lost)
    }

    @Test("recover by removing the 2FA device: 2FA gone, the backup method stays")
    func recoverRemoveDevice() throws {
        let result = try policy.apply(.recover(.removeTwoFactorDevice), to: Accounts.lockedOut)
        #expect(result.outcome == .done)
        #expect(result.account.twoFactor == nil)
        #expect(result.account.backup == Accounts.lockedOut.backup)
        #expect(result.account.session == .fresh)
    }

    @Test("every action has a name and the observed fields it can produce", arguments: ActionName.allCases)
    func actionNames(name: ActionName) {
        #expect(ActionName(rawValue: name.rawValue) == name)
        #expect(name.observedFields.count <= 1)
    }
}
