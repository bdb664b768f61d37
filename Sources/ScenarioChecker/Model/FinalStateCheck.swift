import BackupPolicy
import HelpCenterDiagnostics

/// One `then:` field: what the file says the account (or the banner) is after the steps.
public struct FinalStateCheck: Sendable, Hashable {
    public enum Expected: Sendable, Hashable {
        case login(LoginKind)
        case email(String)
        case phone(String)
        case twoFactor(TwoFactorMethod?)
        case device(DeviceStatus)
        case recoveryKey(RecoveryKeyStatus)
        case backup(BackupMethod?)
        case session(SessionStatus)
        case banner(ObservedValue)
    }

    public var expected: Expected
    /// The field key's position.
    public var location: SourceLocation

    public init(_ expected: Expected, at location: SourceLocation) {
        self.expected = expected
        self.location = location
    }

    /// The account field checked, or `nil` for the banner.
    public var accountField: AccountFieldName? {
        switch expected {
        case .login: .login
        case .email: .email
        case .phone: .phone
        case .twoFactor: .twoFactor
        case .device: .device
        case .recoveryKey: .recoveryKey
        case .backup: .backup
        case .session: .session
        case .banner: nil
        }
    }
}
