import Testing

@testable import BackupPolicy

/// Each rule decides a step (rejecting it or producing its observed field), and the same
/// action is allowed once the rule's condition no longer holds.
@Suite("Policy rules")
struct PolicyRuleTests {
    let policy = BackupPolicy()

    struct RuleCase: Sendable, CustomTestStringConvertible {
        var rule: PolicyRuleID
        var action: PolicyAction
        var breaking: AccountState
        var allowing: AccountState
        var testDescription: String { rule.rawValue }
    }

    static let rejectingCases: [RuleCase] = {
        var other = Accounts.withTwoFactor
        other.login = .other
        var noTwoFactor = Accounts.withTwoFactor
        noTwoFactor.twoFactor = nil
        var lostKey = Accounts.lockedOut
        lostKey.device = .available
        var heldKey = Accounts.lockedOut
        heldKey.recoveryKey = .held
        var noBackup = Accounts.lockedOut
        noBackup.backup = nil
        return [
            RuleCase(rule: .sageAccountOnly, action: .manageBackup, breaking: other, allowing: Accounts.withTwoFactor),
            RuleCase(rule: .twoFactorRequired, action: .chooseBackupOption, breaking: noTwoFactor, allowing: Accounts.withTwoFactor),
            RuleCase(
                rule: .setUpOnce, action: .setUpBackup(BackupContact(phone: "07700 900999")),
                breaking: Accounts.withBackupEmail, allowing: Accounts.withTwoFactor),
            RuleCase(
                rule: .setUpOnce, action: .changeBackup(BackupContact(phone: "07700 900999")),
                breaking: Accounts.withTwoFactor, allowing: Accounts.withBackupEmail),
            RuleCase(rule: .backupRequired, action: .recover(.newRecoveryKey), breaking: noBackup, allowing: Accounts.lockedOut),
            RuleCase(rule: .recoveryKeyFirst, action: .recover(.newRecoveryKey), breaking: heldKey, allowing: Accounts.lockedOut),
            RuleCase(rule: .deviceLostToRemove, action: .recover(.removeTwoFactorDevice), breaking: lostKey, allowing: Accounts.lockedOut),
        ]
    }()

    @Test("a rule rejects the step while its condition holds, and allows it otherwise", arguments: rejectingCases)
    func rejectsThenAllows(_ testCase: RuleCase) throws {
        let rejected = try policy.apply(testCase.action, to: testCase.breaking)
        #expect(rejected.outcome == .rejected(testCase.rule))
        #expect(rejected.decision?.rule == testCase.rule)
        #expect(rejected.account == testCase.breaking, "a rejected step changes nothing")
        let allowed = try policy.apply(testCase.action, to: testCase.allowing)
        #expect(allowed.outcome == .done)
    }

    @Test(
        "reauthentication: a stale session must authenticate again, and nothing changes",
        arguments: [
            PolicyAction.manageBackup,
            .setUpBackup(BackupContact(email: "jane.backup@example.org")),
        ])
    func reauthentication(action: PolicyAction) throws {
        var stale = Accounts.withTwoFactor
        stale.session = .stale
        let result = try policy.apply(action, to: stale)
        #expect(result.outcome == .reauthenticate)
        #expect(result.decision?.rule == .reauthentication)
        #expect(result.account == stale)
        let fresh = try policy.apply(.reauthenticate, to: stale)
        #expect(fresh.account.session == .fresh)
        #expect(try policy.apply(action, to: fresh.account).outcome == .done)
    }

    @Test("reauthentication does not apply to the backup option or to recovery")
    func reauthenticationScope() throws {
        var stale = Accounts.withBackupEmail
        stale.session = .stale
        #expect(try policy.apply(.chooseBackupOption, to: stale).outcome == .done)
    }

    @Test("one-method: a backup names a phone or an email, never both")
    func oneMethod() throws {
        let both = try policy.apply(.setUpBackup(BackupContact(phone: "07700 900999", email: "b@example.org")), to: Accounts.withTwoFactor)
        #expect(both.outcome == .rejected(.oneMethod))
        #expect(both.decision?.explanation.contains("+447700900999") == true)
        let one = try policy.apply(.setUpBackup(BackupContact(phone: "07700 900999")), to: Accounts.withTwoFactor)
        #expect(one.outcome == .done)
        #expect(one.account.backup == .phone("07700 900999"))
    }

    @Test(
        "valid-contact: malformed phones and emails are rejected",
        arguments: [
            (BackupContact(phone: "12345"), "'12345'"),
            (BackupContact(phone: "+44 7700"), "'+447700'"),
            (BackupContact(email: "jane.backup@localhost"), "has no dot"),
            (BackupContact(email: "jane backup@example.org"), "white space"),
        ])
    func validContact(contact: BackupContact, detail: String) throws {
        let result = try policy.apply(.setUpBackup(contact), to: Accounts.withTwoFactor)
        #expect(result.outcome == .rejected(.validContact))
        #expect(result.decision?.explanation.contains(detail) == true)
    }

    @Test(
        "distinct-from-account: the backup can't be an identifier the account already uses",
        arguments: [
            (BackupContact(phone: "07700 900123"), "the backup phone +447700900123 is the number 2FA texts"),
            (BackupContact(phone: "+44 (0)20 7946 0000"), "the backup phone +442079460000 is the phone number already on the Sage account"),
            (BackupContact(email: "Jane+backup@EXAMPLE.com"), "the backup email jane@example.com is the Sage account's sign-in email"),
        ])
    func distinctFromAccount(contact: BackupContact, explanation: String) throws {
        var account = Accounts.withTwoFactor
        account.phone = "020 7946 0000"
        let result = try policy.apply(.setUpBackup(contact), to: account)
        #expect(result.outcome == .rejected(.distinctFromAccount))
        #expect(result.decision?.explanation == explanation)
    }

    @Test("distinct-from-account: 2FA can't text or call the backup phone, but an app is fine")
    func distinctFromAccountAtTwoFactorSetup() throws {
        let account = AccountState(backup: .phone("07700 900999"))
        let text = try policy.apply(.setUpTwoFactor(.call(phone: "+44 7700 900999")), to: account)
        #expect(text.outcome == .rejected(.distinctFromAccount))
        #expect(text.decision?.explanation.contains("+447700900999") == true)
        #expect(try policy.apply(.setUpTwoFactor(.app), to: account).outcome == .done)
        #expect(try policy.apply(.setUpTwoFactor(.text(phone: "07700 900123")), to: account).outcome == .done)
    }

    @Test(
        "banner-while-missing: the banner shows exactly for a Sage login with 2FA and no backup",
        arguments: [
            (Accounts.withTwoFactor, ObservedValue.shown),
            (Accounts.withBackupEmail, .hidden),
            (AccountState(), .hidden),
            (AccountState(login: .other, twoFactor: .app), .hidden),
        ])
    func banner(account: AccountState, expected: ObservedValue) throws {
        let result = try policy.apply(.openAccountManagement, to: account)
        #expect(result.outcome == .done)
        #expect(result.observed(.banner)?.value == expected)
        #expect(result.observed(.banner)?.decidedBy == .bannerWhileMissing)
        #expect(policy.banner(for: account)?.value == expected)
    }

    @Test("prompt-at-2fa-setup: setting up 2FA prompts for a backup method only when there is none")
    func prompt() throws {
        let prompted = try policy.apply(.setUpTwoFactor(.app), to: AccountState())
        #expect(prompted.observed(.prompt)?.value == .setUpBackupMethodPrompt)
        #expect(prompted.observed(.prompt)?.decidedBy == .promptAtTwoFactorSetup)
        #expect(prompted.decidingRules == [.promptAtTwoFactorSetup])
        let quiet = try policy.apply(.setUpTwoFactor(.app), to: AccountState(backup: .email("b@example.org")))
        #expect(quiet.outcome == .done)
        #expect(quiet.observed(.prompt)?.value == nil)
        #expect(quiet.observed(.prompt)?.decidedBy == .promptAtTwoFactorSetup)
    }

    @Test("every rule id is implemented exactly once, in precedence order")
    func ruleList() {
        #expect(policy.ruleIDs == PolicyRuleID.allCases)
        #expect(PolicyRuleID.allCases.count == 12)
        #expect(PolicyRuleID.allCases.map(\.precedence) == Array(0..<12))
    }

    @Test("spec 1.1: the derived rules are two-factor-required, valid-contact and recovery-key-first")
    func kinds() {
        let derived = PolicyRuleID.allCases.filter { $0.kind == .derived }
        #expect(derived == [.twoFactorRequired, .validContact, .recoveryKeyFirst])
    }
}
