/// The account model of the backup-method policy: one person's Sage HR account as the
/// policy sees it. Stored contact values keep what the person typed (trimmed); every
/// comparison goes through ``ContactNormaliser``.
public struct AccountState: Sendable, Hashable {
    public var login: LoginKind
    /// The Sage account's sign-in email; `nil` when unknown.
    public var email: String?
    /// A phone number already on the Sage account; `nil` when unknown.
    public var phone: String?
    /// The primary 2FA method; `nil` when 2FA is not set up.
    public var twoFactor: TwoFactorMethod?
    public var device: DeviceStatus
    public var recoveryKey: RecoveryKeyStatus
    public var backup: BackupMethod?
    public var session: SessionStatus

    public init(
        login: LoginKind = .sageAccount,
        email: String? = nil,
        phone: String? = nil,
        twoFactor: TwoFactorMethod? = nil,
        device: DeviceStatus = .available,
        recoveryKey: RecoveryKeyStatus = .held,
        backup: BackupMethod? = nil,
        session: SessionStatus = .fresh
    ) {
        self.login = login
        self.email = email
        self.phone = phone
        self.twoFactor = twoFactor
        self.device = device
        self.recoveryKey = recoveryKey
        self.backup = backup
        self.session = session
    }

    /// Whether 2FA is set up (any method).
    public var hasTwoFactor: Bool { twoFactor != nil }
}
