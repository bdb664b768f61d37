import Testing

@testable import BackupPolicy

/// Policy variants for mutation testing: each breaks exactly one rule, in a way that changes
/// what the policy decides.
@Suite("Policy variants")
struct PolicyVariantTests {
    let policy = BackupPolicy()

    @Test("every rule has at least one variant, and ids are unique")
    func catalogue() {
        let ids = PolicyVariant.catalogue.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(Set(PolicyVariant.catalogue.map(\.rule)) == Set(PolicyRuleID.allCases))
        for variant in PolicyVariant.catalogue {
            #expect(variant.id.hasPrefix(variant.rule.rawValue + "/"))
        }
    }

    @Test("a variant drops or replaces only its own rule, keeping the order", arguments: PolicyVariant.catalogue.map(\.id))
    func onlyItsRule(id: String) throws {
        let variant = try #require(PolicyVariant.catalogue.first { $0.id == id })
        let applied = variant.applied(to: policy).ruleIDs
        let others = PolicyRuleID.allCases.filter { $0 != variant.rule }
        #expect(applied.filter { $0 != variant.rule } == others)
        #expect(applied.count == (variant.replacement == nil ? 11 : 12))
    }

    struct Difference: Sendable, CustomTestStringConvertible {
        var variant: String
        var action: PolicyAction
        var account: AccountState
        var testDescription: String { variant }
    }

    /// For each variant, an action on an account where it decides differently from the policy.
    static let differences: [Difference] = {
        var stale = Accounts.withBackupEmail
        stale.session = .stale
        let other = AccountState(login: .other, twoFactor: .app)
        var withPhone = Accounts.withTwoFactor
        withPhone.phone = "020 7946 0000"
        var keyHeld = Accounts.lockedOut
        keyHeld.recoveryKey = .held
        var deviceAvailable = Accounts.lockedOut
        deviceAvailable.device = .available
        let backupPhone = AccountState(email: "jane@example.com", backup: .phone("07700 900456"))
        return [
            Difference(variant: "sage-account-only/skipped", action: .manageBackup, account: other),
            Difference(variant: "two-factor-required/skipped", action: .manageBackup, account: AccountState()),
            Difference(variant: "reauthentication/skipped", action: .manageBackup, account: stale),
            Difference(variant: "reauthentication/manage-only", action: .changeBackup(BackupContact(phone: "07700 900456")), account: stale),
            Difference(variant: "reauthentication/rejects", action: .manageBackup, account: stale),
            Difference(variant: "set-up-once/skipped", action: .changeBackup(BackupContact(phone: "07700 900456")), account: Accounts.withTwoFactor),
            Difference(
                variant: "set-up-once/set-up-over-existing", action: .setUpBackup(BackupContact(phone: "07700 900456")), account: Accounts.withBackupEmail),
            Difference(
                variant: "set-up-once/change-without-backup", action: .changeBackup(BackupContact(phone: "07700 900456")), account: Accounts.withTwoFactor),
            Difference(
                variant: "one-method/allow-both", action: .setUpBackup(BackupContact(phone: "07700 900456", email: "j@example.org")),
                account: Accounts.withTwoFactor),
            Difference(variant: "valid-contact/skipped", action: .setUpBackup(BackupContact(phone: "123")), account: Accounts.withTwoFactor),
            Difference(variant: "valid-contact/phones-unchecked", action: .setUpBackup(BackupContact(phone: "123")), account: Accounts.withTwoFactor),
            Difference(
                variant: "valid-contact/emails-unchecked", action: .setUpBackup(BackupContact(email: "jane@localhost")), account: Accounts.withTwoFactor),
            Difference(
                variant: "distinct-from-account/skipped", action: .setUpBackup(BackupContact(phone: Accounts.twoFactorPhone)), account: Accounts.withTwoFactor),
            Difference(
                variant: "distinct-from-account/phones-as-typed", action: .setUpBackup(BackupContact(phone: "07700 900123")), account: Accounts.withTwoFactor),
            Difference(
                variant: "distinct-from-account/emails-case-sensitive", action: .setUpBackup(BackupContact(email: "Jane@Example.com")),
                account: Accounts.withTwoFactor),
            Difference(
                variant: "distinct-from-account/emails-keep-tag", action: .setUpBackup(BackupContact(email: "jane+2fa@example.com")),
                account: Accounts.withTwoFactor),
            Difference(
                variant: "distinct-from-account/ignores-2fa-phone", action: .setUpBackup(BackupContact(phone: Accounts.twoFactorPhone)),
                account: Accounts.withTwoFactor),
            Difference(
                variant: "distinct-from-account/ignores-account-phone", action: .setUpBackup(BackupContact(phone: "+44 20 7946 0000")), account: withPhone),
            Difference(
                variant: "distinct-from-account/ignores-sign-in-email", action: .setUpBackup(BackupContact(email: "jane@example.com")),
                account: Accounts.withTwoFactor),
            Difference(variant: "distinct-from-account/one-way", action: .setUpTwoFactor(.text(phone: "+447700900456")), account: backupPhone),
            Difference(
                variant: "backup-required/skipped", action: .recover(.newRecoveryKey), account: AccountState(twoFactor: .app, device: .lost, recoveryKey: .lost)
            ),
            Difference(variant: "recovery-key-first/skipped", action: .recover(.newRecoveryKey), account: keyHeld),
            Difference(variant: "device-lost-to-remove/skipped", action: .recover(.removeTwoFactorDevice), account: deviceAvailable),
            Difference(variant: "banner-while-missing/never-shown", action: .openAccountManagement, account: Accounts.withTwoFactor),
            Difference(variant: "banner-while-missing/ignores-login", action: .openAccountManagement, account: AccountState(login: .other, twoFactor: .app)),
            Difference(variant: "banner-while-missing/ignores-2fa", action: .openAccountManagement, account: AccountState()),
            Difference(variant: "banner-while-missing/ignores-backup", action: .openAccountManagement, account: Accounts.withBackupEmail),
            Difference(variant: "prompt-at-2fa-setup/never", action: .setUpTwoFactor(.app), account: AccountState()),
            Difference(variant: "prompt-at-2fa-setup/always", action: .setUpTwoFactor(.app), account: AccountState(backup: .email("j@example.org"))),
        ]
    }()

    @Test("the variant decides differently from the policy", arguments: differences)
    func differs(_ difference: Difference) throws {
        let variant = try #require(PolicyVariant.catalogue.first { $0.id == difference.variant })
        let real = try policy.apply(difference.action, to: difference.account)
        let broken = try variant.applied(to: policy).apply(difference.action, to: difference.account)
        #expect(real.outcome != broken.outcome || real.observed.map(\.description) != broken.observed.map(\.description))
    }

    @Test("every variant in the catalogue has a difference case")
    func everyVariantIsExercised() {
        #expect(Set(Self.differences.map(\.variant)) == Set(PolicyVariant.catalogue.map(\.id)))
    }
}
