import BackupPolicy
import HelpCenterYAML

/// Account values that `given:`, `when:` and `then:` share: 2FA methods and backup contacts.
extension ScenarioFileParser {
    /// `none` (gives `.some(nil)`) when `allowNone`, or `{method: text|call, phone: N}` /
    /// `{method: app}`; `nil` after an error.
    func readTwoFactor(_ node: YAMLNode, _ what: String, allowNone: Bool, reader: inout YAMLNodeReader) -> TwoFactorMethod?? {
        if allowNone, case .scalar(let scalar) = node, scalar.string == "none" {
            _ = reader.visit(node)
            return .some(nil)
        }
        let shape = allowNone ? "none, {method: text|call, phone: N} or {method: app}" : "{method: text|call, phone: N} or {method: app}"
        guard case .mapping = node else {
            _ = reader.visit(node)
            reader.error("expected \(what) as \(shape), found \(YAMLNodeReader.describe(node))", at: node)
            return nil
        }
        guard let entries = reader.map(node, what) else { return nil }
        var method: (name: String, node: YAMLNode)?
        var phone: String?
        var complete = true
        for entry in entries {
            // A key with no value is absent, as if it were not written.
            if ["method", "phone"].contains(entry.key), entry.value.isNull {
                _ = reader.visit(entry.value)
                continue
            }
            switch entry.key {
            case "method":
                if let text = reader.choice(entry.value, "2FA method", as: TwoFactorMethodName.self)?.rawValue {
                    method = (text, entry.value)
                } else {
                    complete = false
                }
            case "phone":
                if let text = reader.text(entry.value, "a phone number as text") { phone = text } else { complete = false }
            default:
                reader.unknownKey(entry, in: what, allowed: ["method", "phone"])
                complete = false
            }
        }
        guard complete else { return nil }
        guard let method else {
            let note = entries.isEmpty ? "" : " (a key with no value counts as absent)"
            reader.error("\(what) needs a 'method' (text, call or app)\(note)", at: node)
            return nil
        }
        switch (method.name, phone) {
        case ("app", nil): return .some(.app)
        case ("app", _?):
            reader.error("2FA by app has no phone; remove 'phone' or use method text or call", at: method.node)
        case (_, nil):
            let note = entries.contains { $0.key == "phone" } ? " (a key with no value counts as absent)" : ""
            reader.error("2FA by \(method.name) needs a 'phone'\(note)", at: node)
        case ("text", let phone?): return .some(.text(phone: phone))
        case (_, let phone?): return .some(.call(phone: phone))
        }
        return nil
    }

    /// `{phone: N}`, `{email: E}` (or both, which the policy then judges); `nil` after an error.
    func readBackupContact(_ node: YAMLNode, _ what: String, reader: inout YAMLNodeReader) -> BackupContact? {
        guard case .mapping = node else {
            _ = reader.visit(node)
            let found = node.isNull ? "no argument" : YAMLNodeReader.describe(node)
            reader.error("expected \(what) as {phone: N} or {email: E}, found \(found)", at: node)
            return nil
        }
        guard let entries = reader.map(node, what) else { return nil }
        var contact = BackupContact()
        var complete = true
        for entry in entries {
            // A key with no value is absent: `{phone: ~, email: E}` is `{email: E}`.
            if ["phone", "email"].contains(entry.key), entry.value.isNull {
                _ = reader.visit(entry.value)
                continue
            }
            switch entry.key {
            case "phone":
                contact.phone = reader.text(entry.value, "a phone number as text")
                complete = complete && contact.phone != nil
            case "email":
                contact.email = reader.text(entry.value, "an email address as text")
                complete = complete && contact.email != nil
            default:
                reader.unknownKey(entry, in: what, allowed: ["phone", "email"])
                complete = false
            }
        }
        guard complete else { return nil }
        if contact.phone == nil && contact.email == nil {
            let note = entries.isEmpty ? "" : " (a key with no value counts as absent)"
            reader.error("\(what) needs a 'phone' or an 'email'\(note)", at: node)
            return nil
        }
        return contact
    }
}

/// The spellings of the 2FA methods.
enum TwoFactorMethodName: String, CaseIterable {
    case text
    case call
    case app
}
