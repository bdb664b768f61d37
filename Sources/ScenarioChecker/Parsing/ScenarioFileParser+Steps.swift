import BackupPolicy
import HelpCenterDiagnostics
import HelpCenterYAML

/// `when:`: the steps, each one action with its argument and an optional `expect`.
extension ScenarioFileParser {
    static let actionNames = ActionName.allCases.map(\.rawValue)

    /// The steps up to the first that can't be read (the later ones are read for their errors,
    /// not replayed: the account after an unreadable step is not known), and, when there is
    /// one, where it is and whether a step follows it.
    func readSteps(
        _ node: YAMLNode, reader: inout YAMLNodeReader
    ) -> (steps: [ScenarioStep], complete: Bool, unreadable: (at: SourceLocation, followed: Bool)?) {
        if node.isNull { return ([], true, nil) }
        guard let items = reader.list(node, "the steps (when)") else { return ([], false, nil) }
        var steps: [ScenarioStep] = []
        steps.reserveCapacity(items.count)
        var unreadable: (at: SourceLocation, followed: Bool)?
        for (position, item) in items.enumerated() {
            guard !reader.exhausted else { return (steps, false, nil) }
            if let step = readStep(item, reader: &reader), unreadable == nil {
                steps.append(step)
            } else if unreadable == nil {
                unreadable = (reader.location(item), position + 1 < items.count)
            }
        }
        return (steps, unreadable == nil, unreadable)
    }

    /// What a step is, for messages.
    static let stepShape = "one action (\(actionNames.joined(separator: ", "))) and optionally 'expect'"

    private func readStep(_ node: YAMLNode, reader: inout YAMLNodeReader) -> ScenarioStep? {
        let allowed = Self.stepShape
        guard case .mapping = node else {
            _ = reader.visit(node)
            reader.error("expected a step: a map with \(allowed); found \(YAMLNodeReader.describe(node))", at: node)
            return nil
        }
        guard let entries = reader.map(node, "a step") else { return nil }
        var actions: [(name: ActionName, entry: YAMLNodeReader.Entry)] = []
        var expect: YAMLNodeReader.Entry?
        var complete = true
        for entry in entries {
            if entry.key == "expect" {
                expect = entry
            } else if let name = ActionName(rawValue: entry.key) {
                actions.append((name, entry))
            } else {
                reader.error(
                    "unknown action or field '\(entry.key)' in a step\(EditDistance.didYouMean(entry.key, among: Self.actionNames + ["expect"])); a step has \(allowed)",
                    at: entry.keyNode)
                complete = false
            }
        }
        guard let first = actions.first else {
            if complete { reader.error("this step has no action; a step has \(allowed)", at: node) }
            return nil
        }
        if actions.count > 1 {
            let names = actions.map { "'\($0.name.rawValue)'" }.joined(separator: " and ")
            reader.error("this step has \(actions.count) actions (\(names)); each step has exactly one", at: actions[1].entry.keyNode)
            return nil
        }
        guard let action = readAction(first.name, first.entry, reader: &reader), complete else { return nil }
        var step = ScenarioStep(action: action, location: reader.location(first.entry.keyNode))
        if let expect {
            guard let expectations = readExpectations(expect, action: first.name, reader: &reader) else { return nil }
            step.expectations = expectations
        }
        return step
    }

    private func readAction(_ name: ActionName, _ entry: YAMLNodeReader.Entry, reader: inout YAMLNodeReader) -> PolicyAction? {
        let value = entry.value
        guard name.takesArgument else {
            _ = reader.visit(value)
            guard value.isNull else {
                reader.error("\(name.rawValue) takes no argument; found \(YAMLNodeReader.describe(value))", at: value)
                return nil
            }
            switch name {
            case .manageBackup: return .manageBackup
            case .reauthenticate: return .reauthenticate
            case .openAccountManagement: return .openAccountManagement
            case .chooseBackupOption: return .chooseBackupOption
            case .loseDevice: return .loseDevice
            case .loseRecoveryKey: return .loseRecoveryKey
            case .setUpTwoFactor, .setUpBackup, .changeBackup, .recover: return nil
            }
        }
        if value.isNull {
            _ = reader.visit(value)
            reader.error("\(name.rawValue) is missing its argument: \(Self.argumentShape(name))", at: entry.keyNode)
            return nil
        }
        switch name {
        case .setUpTwoFactor:
            guard let method = readTwoFactor(value, "set_up_2fa's argument", allowNone: false, reader: &reader), let method else { return nil }
            return .setUpTwoFactor(method)
        case .setUpBackup:
            return readBackupContact(value, "set_up_backup's argument", reader: &reader).map(PolicyAction.setUpBackup)
        case .changeBackup:
            return readBackupContact(value, "change_backup's argument", reader: &reader).map(PolicyAction.changeBackup)
        default:
            return reader.choice(value, "recovery option", as: RecoveryOption.self).map(PolicyAction.recover)
        }
    }

    static func argumentShape(_ name: ActionName) -> String {
        switch name {
        case .setUpTwoFactor: "{method: text|call, phone: N} or {method: app}"
        case .setUpBackup, .changeBackup: "{phone: N} or {email: E}"
        case .recover: "new-recovery-key or remove-2fa-device"
        default: "none"
        }
    }
}
