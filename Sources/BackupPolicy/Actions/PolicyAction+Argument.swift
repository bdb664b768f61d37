extension PolicyAction {
    /// The action's argument as a scenario file writes it (values as typed), or `nil` for an
    /// action that takes none: `{method: text, phone: 07700 900123}`, `{email: jane@example.org}`,
    /// `remove-2fa-device`.
    public var argumentText: String? {
        switch self {
        case .setUpTwoFactor(let method):
            guard let phone = method.phone else { return "{method: \(method.methodName)}" }
            return "{method: \(method.methodName), phone: \(phone)}"
        case .setUpBackup(let contact), .changeBackup(let contact):
            let parts = [contact.phone.map { "phone: \($0)" }, contact.email.map { "email: \($0)" }].compactMap { $0 }
            return "{\(parts.joined(separator: ", "))}"
        case .recover(let option):
            return option.rawValue
        case .manageBackup, .reauthenticate, .openAccountManagement, .chooseBackupOption, .loseDevice, .loseRecoveryKey:
            return nil
        }
    }
}

extension StepOutcome {
    /// `done`, `rejected` or `reauthenticate`, as scenario files and reports write it.
    public var word: String {
        switch self {
        case .done: "done"
        case .rejected: "rejected"
        case .reauthenticate: "reauthenticate"
        }
    }
}
