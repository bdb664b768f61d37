/// The fields of the account model, as scenario files name them in `given:` and `then:`.
public enum AccountFieldName: String, Sendable, Hashable, CaseIterable {
    case login
    case email
    case phone
    case twoFactor = "two_factor"
    case device
    case recoveryKey = "recovery_key"
    case backup
    case session
}

extension AccountState {
    /// A field's value as messages show it, normalised (`unknown` and `none` for absent values).
    public func display(_ field: AccountFieldName, normaliser: ContactNormaliser) -> String {
        switch field {
        case .login: login.rawValue
        case .email: email.map { normaliser.display(email: $0) } ?? "unknown"
        case .phone: phone.map { normaliser.display(phone: $0) } ?? "unknown"
        case .twoFactor: normaliser.display(twoFactor)
        case .device: device.rawValue
        case .recoveryKey: recoveryKey.rawValue
        case .backup: backup.map { normaliser.display($0) } ?? "none"
        case .session: session.rawValue
        }
    }

    /// The fields whose normalised value differs between `self` and `other`, in model order.
    public func changedFields(to other: AccountState, normaliser: ContactNormaliser) -> [AccountFieldName] {
        AccountFieldName.allCases.filter { field in
            // Equal as typed is equal normalised; only values that differ as typed are normalised.
            !sameAsTyped(field, other) && display(field, normaliser: normaliser) != other.display(field, normaliser: normaliser)
        }
    }

    private func sameAsTyped(_ field: AccountFieldName, _ other: AccountState) -> Bool {
        switch field {
        case .login: login == other.login
        case .email: email == other.email
        case .phone: phone == other.phone
        case .twoFactor: twoFactor == other.twoFactor
        case .device: device == other.device
        case .recoveryKey: recoveryKey == other.recoveryKey
        case .backup: backup == other.backup
        case .session: session == other.session
        }
    }
}
