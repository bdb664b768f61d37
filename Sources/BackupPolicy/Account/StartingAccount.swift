/// A scenario's starting state (`given`) before the policy has vetted it. It differs from
/// ``AccountState`` only in that its backup may name both a phone and an email, so that the
/// policy can report that as a `one-method` violation instead of being unable to say it.
public struct StartingAccount: Sendable, Hashable {
    public var account: AccountState
    public var backup: BackupContact?

    public init(account: AccountState = AccountState(), backup: BackupContact? = nil) {
        self.account = account
        self.backup = backup
    }
}
