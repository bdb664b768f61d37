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
        #expect(review.violation == nil)
        #expect(review.problems.isEmpty)
        #expect(review.account?.backup == .phone("07700 900999"))
    }

    @Test(
        "a starting backup that breaks a rule is a violation of that rule",
        arguments: [
            (StartingAccount(account: Accounts.withTwoFactor, backup: BackupContact(phone: "07700 900999", email: "b@example.org")), PolicyRuleID.oneMethod),
            (StartingAccount(account: Accounts.withTwoFactor, backup: BackupContact(phone: "+44 7700 900123")), .distinctFromAccount),
            (StartingAccount(account: Accounts.withTwoFactor, backup: BackupContact(email: "JANE@example.com")), .distinctFromAccount),
            (StartingAccount(account: Accounts.withTwoFactor, backup: BackupContact(email: "nope")), .validContact),
            (StartingAccount(account: AccountState(login: .other, twoFactor: .app), backup: BackupContact(email: "b@example.org")), .sageAccountOnly),
        ])
    func violations(starting: StartingAccount, rule: PolicyRuleID) {
        let review = policy.start(from: starting)
        #expect(review.account == nil)
        #expect(review.violation?.rule == rule)
    }

    /// Spec 1.1: a `given` breaking several rules is reported once, under the first of them
    /// in precedence order (sage-account-only, one-method, valid-contact, distinct-from-account).
    @Test(
        "spec 1.1: a starting state breaking several rules gives only the first in precedence order",
        arguments: [
            // other login + both + invalid phone + the sign-in email
            (
                StartingAccount(account: AccountState(login: .other, email: "jane@example.com"), backup: BackupContact(phone: "1", email: "jane@example.com")),
                PolicyRuleID.sageAccountOnly
            ),
            // both + invalid phone + the sign-in email
            (StartingAccount(account: Accounts.withTwoFactor, backup: BackupContact(phone: "1", email: "jane@example.com")), .oneMethod),
            // both + the 2FA phone
            (StartingAccount(account: Accounts.withTwoFactor, backup: BackupContact(phone: "07700 900123", email: "b@example.org")), .oneMethod),
            // other login + invalid email
            (StartingAccount(account: AccountState(login: .other), backup: BackupContact(email: "nope")), .sageAccountOnly),
            // other login + the account phone
            (StartingAccount(account: AccountState(login: .other, phone: "07700 900555"), backup: BackupContact(phone: "+447700900555")), .sageAccountOnly),
        ])
    func firstViolationOnly(starting: StartingAccount, rule: PolicyRuleID) {
        let review = policy.start(from: starting)
        #expect(review.account == nil)
        #expect(review.violation?.rule == rule)
        // Each rule on its own would have found something: dropping the first reveals another.
        let others = BackupPolicy(rules: BackupPolicy.standardRules.filter { $0.id != rule })
        #expect(others.start(from: starting).violation != nil)
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
        #expect(review.problems.map(\.field) == [.email, .phone, .twoFactor])
    }

    @Test("spec 1.1: an impossible account identifier and a broken rule are both reported")
    func problemsAndViolation() {
        let starting = StartingAccount(account: AccountState(login: .other, email: "jane"), backup: BackupContact(email: "b@example.org"))
        let review = policy.start(from: starting)
        #expect(review.problems.map(\.field) == [.email])
        #expect(review.violation?.rule == .sageAccountOnly)
    }
}
