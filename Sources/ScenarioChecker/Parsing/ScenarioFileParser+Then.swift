import BackupPolicy
import HelpCenterYAML

/// `then:`: account fields and the banner, as they must be after the last step.
extension ScenarioFileParser {
    func readThen(_ node: YAMLNode, reader: inout YAMLNodeReader) -> (checks: [FinalStateCheck], complete: Bool) {
        if node.isNull { return ([], true) }
        guard let entries = reader.map(node, "the final state (then)") else { return ([], false) }
        var checks: [FinalStateCheck] = []
        var complete = true
        for field in entries {
            // A key with no value is absent: the field is not checked. Said, because
            // `backup: ~` reads like "no backup" and would otherwise pass unchecked.
            if field.value.isNull, field.key == "banner" || AccountFieldName(rawValue: field.key) != nil {
                _ = reader.visit(field.value)
                let none = field.key == "backup" || field.key == "two_factor" ? "; write '\(field.key): none' to check there is none" : ""
                reader.warning("'\(field.key)' has no value, so it counts as absent and is not checked\(none)", at: reader.location(field.keyNode))
                continue
            }
            if let check = readCheck(field, reader: &reader) {
                checks.append(FinalStateCheck(check, at: reader.location(field.keyNode)))
            } else {
                complete = false
            }
        }
        return (checks, complete)
    }

    private func readCheck(_ field: YAMLNodeReader.Entry, reader: inout YAMLNodeReader) -> FinalStateCheck.Expected? {
        let value = field.value
        if field.key == "banner" {
            guard let text = reader.text(value, "banner (shown or hidden)") else { return nil }
            guard let banner = ObservedValue(rawValue: text), ObservedFieldName.banner.values.contains(banner) else {
                reader.error("unknown banner '\(text)'; expected shown or hidden", at: value)
                return nil
            }
            return .banner(banner)
        }
        guard let name = AccountFieldName(rawValue: field.key) else {
            reader.unknownKey(field, in: "the final state (then)", allowed: Self.accountFields + ["banner"])
            return nil
        }
        let normaliser = ContactNormaliser(parameters: parameters)
        switch name {
        case .login: return reader.choice(value, "login", as: LoginKind.self).map { .login($0) }
        case .device: return reader.choice(value, "device", as: DeviceStatus.self).map { .device($0) }
        case .recoveryKey: return reader.choice(value, "recovery_key", as: RecoveryKeyStatus.self).map { .recoveryKey($0) }
        case .session: return reader.choice(value, "session", as: SessionStatus.self).map { .session($0) }
        case .email:
            guard let email = reader.text(value, "an email address as text") else { return nil }
            guard case .valid = normaliser.email.normalise(email) else {
                reader.error("'then' expects the email '\(email)', which is not a valid address, so no account can have it", at: value)
                return nil
            }
            return .email(email)
        case .phone:
            guard let phone = readValidPhone(value, reader: &reader, normaliser: normaliser) else { return nil }
            return .phone(phone)
        case .twoFactor:
            guard let method = readTwoFactor(value, "two_factor", allowNone: true, reader: &reader) else { return nil }
            if let phone = method?.phone, normaliser.e164(phone) == nil {
                reader.error("'then' expects the 2FA phone '\(phone)', which is not a valid number, so no account can have it", at: value)
                return nil
            }
            return .twoFactor(method)
        case .backup:
            return readFinalBackup(value, reader: &reader, normaliser: normaliser)
        }
    }

    private func readValidPhone(_ node: YAMLNode, reader: inout YAMLNodeReader, normaliser: ContactNormaliser) -> String? {
        guard let phone = reader.text(node, "a phone number as text") else { return nil }
        guard normaliser.e164(phone) != nil else {
            reader.error("'then' expects the phone '\(phone)', which is not a valid number, so no account can have it", at: node)
            return nil
        }
        return phone
    }

    private func readFinalBackup(_ node: YAMLNode, reader: inout YAMLNodeReader, normaliser: ContactNormaliser) -> FinalStateCheck.Expected? {
        if case .scalar(let scalar) = node, scalar.string == "none" {
            _ = reader.visit(node)
            return .backup(nil)
        }
        guard let contact = readBackupContact(node, "backup", reader: &reader) else { return nil }
        guard let method = contact.singleMethod else {
            reader.error("'then' expects a backup with both a phone and an email; an account has one or the other (one-method)", at: node)
            return nil
        }
        let valid =
            switch method {
            case .phone(let phone): normaliser.e164(phone) != nil
            case .email(let email): normaliser.comparisonForm(ofEmail: email) != nil
            }
        guard valid else {
            reader.error("'then' expects the backup \(method.kindName) '\(method.value)', which is not valid, so no account can have it", at: node)
            return nil
        }
        return .backup(method)
    }
}
