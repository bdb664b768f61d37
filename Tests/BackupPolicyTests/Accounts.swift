@testable import BackupPolicy

/// Starting accounts the policy tests share.
enum Accounts {
    static let twoFactorPhone = "+44 7700 900123"
    static let accountEmail = "jane@example.com"

    /// A Sage account login with 2FA by text and no backup method.
    static var withTwoFactor: AccountState {
        AccountState(email: accountEmail, twoFactor: .text(phone: twoFactorPhone))
    }

    /// `withTwoFactor`, plus a backup email.
    static var withBackupEmail: AccountState {
        var account = withTwoFactor
        account.backup = .email("jane.backup@example.org")
        return account
    }

    /// `withBackupEmail`, with the recovery key and the device lost.
    static var lockedOut: AccountState {
        var account = withBackupEmail
        account.recoveryKey = .lost
        account.device = .lost
        return account
    }
}

extension BackupPolicy {
    /// Applies an action that tests expect to be possible.
    func result(_ action: PolicyAction, on account: AccountState) -> StepResult? {
        try? apply(action, to: account)
    }
}
