import BackupPolicy
import HelpCenterYAML

/// `given:`: the starting state.
extension ScenarioFileParser {
    static let accountFields = AccountFieldName.allCases.map(\.rawValue)

    func readGiven(_ entry: YAMLNodeReader.Entry, reader: inout YAMLNodeReader) -> (given: ScenarioGiven, complete: Bool) {
        var given = ScenarioGiven(location: reader.location(entry.keyNode))
        if entry.value.isNull { return (given, true) }
        guard let entries = reader.map(entry.value, "the starting state (given)") else { return (given, false) }
        var complete = true
        var account = AccountState()
        for field in entries {
            guard let name = AccountFieldName(rawValue: field.key) else {
                reader.unknownKey(field, in: "the starting state (given)", allowed: Self.accountFields)
                complete = false
                continue
            }
            let value = field.value
            // A key with no value (`~`, `null`, empty) is absent: the field keeps its default.
            if value.isNull {
                _ = reader.visit(value)
                continue
            }
            given.fieldLocations[name] = reader.location(field.keyNode)
            let read: Bool
            switch name {
            case .login:
                let login = reader.choice(value, "login", as: LoginKind.self)
                account.login = login ?? .sageAccount
                read = login != nil
            case .email:
                account.email = reader.text(value, "the account email as text")
                read = account.email != nil
            case .phone:
                account.phone = reader.text(value, "the account phone number as text")
                read = account.phone != nil
            case .twoFactor:
                let method = readTwoFactor(value, "two_factor", allowNone: true, reader: &reader)
                account.twoFactor = method ?? nil
                read = method != nil
            case .device:
                let device = reader.choice(value, "device", as: DeviceStatus.self)
                account.device = device ?? .available
                read = device != nil
            case .recoveryKey:
                let key = reader.choice(value, "recovery_key", as: RecoveryKeyStatus.self)
                account.recoveryKey = key ?? .held
                read = key != nil
            case .backup:
                if case .scalar(let scalar) = value, scalar.string == "none" {
                    given.starting.backup = nil
                    read = true
                } else {
                    given.starting.backup = readBackupContact(value, "the starting backup", reader: &reader)
                    read = given.starting.backup != nil
                }
            case .session:
                let session = reader.choice(value, "session", as: SessionStatus.self)
                account.session = session ?? .fresh
                read = session != nil
            }
            complete = complete && read
        }
        given.starting.account = account
        if account.twoFactor == nil {
            for field in [AccountFieldName.device, .recoveryKey] {
                if let location = given.fieldLocations[field] {
                    reader.warning("'\(field.rawValue)' only means something while 2FA is set up, and this starting state has two_factor: none", at: location)
                }
            }
        }
        return (given, complete)
    }
}
