import Testing

@testable import BackupPolicy

/// When an action breaks several rules, the outcome names the first in precedence order.
@Suite("Rule precedence")
struct PrecedenceTests {
    let policy = BackupPolicy()

    struct PrecedenceCase: Sendable, CustomTestStringConvertible {
        var label: String
        var action: PolicyAction
        var account: AccountState
        var expected: StepOutcome
        var testDescription: String { label }
    }

    static let cases: [PrecedenceCase] = {
        let everythingWrong = AccountState(
            login: .other, email: "jane@example.com", twoFactor: nil, session: .stale
        )
        var noTwoFactorStale = everythingWrong
        noTwoFactorStale.login = .sageAccount
        var staleWithBackup = Accounts.withBackupEmail
        staleWithBackup.session = .stale
        let bothAndInvalid = BackupContact(phone: "123", email: "jane@example.com")
        return [
            PrecedenceCase(
                label: "sage-account-only before two-factor-required and reauthentication",
                action: .setUpBackup(bothAndInvalid), account: everythingWrong, expected: .rejected(.sageAccountOnly)),
            PrecedenceCase(
                label: "two-factor-required before reauthentication",
                action: .setUpBackup(bothAndInvalid), account: noTwoFactorStale, expected: .rejected(.twoFactorRequired)),
            PrecedenceCase(
                label: "reauthentication before set-up-once",
                action: .setUpBackup(BackupContact(phone: "07700 900999")), account: staleWithBackup, expected: .reauthenticate),
            PrecedenceCase(
                label: "set-up-once before one-method",
                action: .setUpBackup(bothAndInvalid), account: Accounts.withBackupEmail, expected: .rejected(.setUpOnce)),
            PrecedenceCase(
                label: "one-method before valid-contact and distinct-from-account",
                action: .setUpBackup(bothAndInvalid), account: Accounts.withTwoFactor, expected: .rejected(.oneMethod)),
            PrecedenceCase(
                label: "valid-contact before distinct-from-account",
                action: .changeBackup(BackupContact(email: "JANE@example")), account: Accounts.withBackupEmail, expected: .rejected(.validContact)),
            PrecedenceCase(
                label: "sage-account-only before backup-required",
                action: .recover(.newRecoveryKey), account: AccountState(login: .other), expected: .rejected(.sageAccountOnly)),
            PrecedenceCase(
                label: "two-factor-required before backup-required",
                action: .recover(.newRecoveryKey), account: AccountState(), expected: .rejected(.twoFactorRequired)),
            PrecedenceCase(
                label: "backup-required before recovery-key-first",
                action: .recover(.removeTwoFactorDevice), account: Accounts.withTwoFactor, expected: .rejected(.backupRequired)),
            PrecedenceCase(
                label: "recovery-key-first before device-lost-to-remove",
                action: .recover(.removeTwoFactorDevice), account: Accounts.withBackupEmail, expected: .rejected(.recoveryKeyFirst)),
        ]
    }()

    @Test("the first broken rule in precedence order decides", arguments: cases)
    func firstRuleWins(_ testCase: PrecedenceCase) throws {
        #expect(try policy.apply(testCase.action, to: testCase.account).outcome == testCase.expected)
    }

    @Test("with the first rule dropped, the next broken rule decides (a policy variant)")
    func variantWithoutARule() throws {
        var variant = BackupPolicy()
        variant.rules.removeAll { $0.id == .sageAccountOnly }
        let account = AccountState(login: .other)
        #expect(try variant.apply(.manageBackup, to: account).outcome == .rejected(.twoFactorRequired))
        #expect(try BackupPolicy().apply(.manageBackup, to: account).outcome == .rejected(.sageAccountOnly))
    }
}
