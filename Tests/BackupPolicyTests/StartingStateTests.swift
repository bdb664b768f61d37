import Testing
@testable import BackupPolicy

/// A scenario's starting state must itself obey the policy.
@Suite("Starting states")
struct StartingStateTests {
    let policy = BackupPolicy()

    @Test("a lawful starting state becomes the account to replay from")
    func lawful() {
        let starting = StartingAccount(account: Accounts.withTwoFactor, backup: BackupContact(phone: " 07700 900999 "))
        let review = policy.start(from: starting)
        #expect(review.violations.isEmpty)
        #expect(review.problems.isEmpty)
        #expect(review.account?.backup == .phone("07700 900999"))
    }

    @Test("a starting backup that breaks a rule is a violation of that rule", arguments: [
        (StartingAccount(account: Accounts.withTwoFactor, backup: BackupContact(phone: "07700 900999", email: "b@example.org")), [PolicyRuleID.oneMethod]),
        (StartingAccount(account: Accounts.withTwoFactor, backup: BackupContact(phone: "+44 7700 900123")), [.distinctFromAccount]),
        (StartingAccount(account: Accounts.withTwoFactor, backup: BackupContact(email: "JANE@example.com")), [.distinctFromAccount]),
        (StartingAccount(account: Accounts.withTwoFactor, backup: BackupContact(email: "nope")), [.validContact]),
        (StartingAccount(account: AccountState(login: .other, twoFactor: .app), backup: BackupContact(email: "b@example.org")), [.sageAccountOnly]),
        (StartingAccount(account: AccountState(login: .other), backup: BackupContact(phone: "1", email: "b@example.org")),
         [.sageAccountOnly, .oneMethod, .validContact]),
    ])
    func violations(starting: StartingAccount, rules: [PolicyRuleID]) {
        let review = policy.start(from: starting)
        #expect(review.account == nil)
        #expect(review.violations.map(\.rule) == rules)
    }

    @Test("a backup without 2FA is a lawful state (2FA removed, the backup stays)")
    func backupWithoutTwoFactor() {
        let review = policy.start(from: StartingAccount(backup: BackupContact(email: "b@example.org")))
        #expect(review.account?.backup == .email("b@example.org"))
    }

    @Test("malformed account identifiers are problems, not verdicts")
    func problems() {
        let account = AccountState(email: "jane", phone: "12", twoFactor: .call(phone: "x"))
        let review = policy.start(from: StartingAccount(account: account))
        #expect(review.account == nil)
        #expect(review.problems.count == 3)
        #expect(review.problems[0].message.contains("'jane'"))
    }
}
