/// How the person signs in to Sage HR.
public enum LoginKind: String, Sendable, Hashable, CaseIterable {
    case sageAccount = "sage-account"
    case other
}

/// Whether the person can reach the primary 2FA method.
public enum DeviceStatus: String, Sendable, Hashable, CaseIterable {
    case available
    case lost
}

/// Whether the person still has the recovery key.
public enum RecoveryKeyStatus: String, Sendable, Hashable, CaseIterable {
    case held
    case lost
}

/// Whether the person authenticated recently enough to manage security settings.
public enum SessionStatus: String, Sendable, Hashable, CaseIterable {
    case fresh
    case stale
}

/// The two ways out when the primary 2FA method or the recovery key is gone.
public enum RecoveryOption: String, Sendable, Hashable, CaseIterable {
    case newRecoveryKey = "new-recovery-key"
    case removeTwoFactorDevice = "remove-2fa-device"
}
