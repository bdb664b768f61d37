import BackupPolicy
import HelpCenterDiagnostics
import HelpCenterYAML

/// `expect:`: an outcome (`done`, `reauthenticate`, `{rejected: RULE}`) or a map of result
/// fields, each remembered with the position where the file states it.
extension ScenarioFileParser {
    static let outcomeWords = ["done", "reauthenticate", "rejected"]

    func readExpectations(_ entry: YAMLNodeReader.Entry, action: ActionName, reader: inout YAMLNodeReader) -> [StepExpectation]? {
        let node = entry.value
        if case .scalar = node, !node.isNull {
            guard let word = reader.text(node, "an outcome"), let outcome = readOutcomeWord(word, at: node, reader: &reader) else { return nil }
            return [StepExpectation(.outcome(outcome), at: reader.location(node))]
        }
        guard case .mapping = node else {
            _ = reader.visit(node)
            reader.error(
                "expected 'expect' to be done, reauthenticate, {rejected: RULE} or a map of result fields; found \(YAMLNodeReader.describe(node))", at: node)
            return nil
        }
        guard let entries = reader.map(node, "expect") else { return nil }
        var outcome: (ExpectedOutcome, YAMLNodeReader.Entry)?
        var rule: (PolicyRuleID, YAMLNodeReader.Entry)?
        var fields: [StepExpectation] = []
        var complete = true
        for field in entries {
            switch field.key {
            case "rejected", "rule":
                guard let id = readRuleID(field.value, reader: &reader) else {
                    complete = false
                    continue
                }
                // Two different rules cannot both be the one that rejects the step.
                if let (earlier, earlierField) = rule, earlier != id {
                    reader.error(
                        "'expect' names two rejecting rules, \(earlier.rawValue) (\(earlierField.key)) and \(id.rawValue) (\(field.key)); a step is rejected by one rule",
                        at: field.value)
                    complete = false
                } else {
                    rule = (id, field)
                }
            case "outcome":
                if let word = reader.text(field.value, "an outcome"), let value = readOutcomeWord(word, at: field.value, reader: &reader) {
                    outcome = (value, field)
                } else {
                    complete = false
                }
            default:
                if let expectation = readField(field, action: action, reader: &reader) { fields.append(expectation) } else { complete = false }
            }
        }
        guard complete else { return nil }
        if entries.isEmpty {
            reader.error("'expect' is empty; expected done, reauthenticate, {rejected: RULE} or result fields", at: node)
            return nil
        }
        var expectations: [StepExpectation] = []
        switch (outcome, rule) {
        case (nil, nil):
            break
        case ((let value, let field)?, nil):
            expectations.append(StepExpectation(.outcome(value), at: reader.location(field.keyNode)))
        case (nil, (let id, let field)?), ((.rejected(nil), _)?, (let id, let field)?):
            expectations.append(StepExpectation(.outcome(.rejected(id)), at: reader.location(field.keyNode)))
        case ((let value, let field)?, (let id, _)?):
            reader.error("'expect' says outcome \(value) and also names the rejecting rule \(id.rawValue); a rule only goes with a rejection", at: field.value)
            return nil
        }
        return expectations + fields
    }

    private func readOutcomeWord(_ word: String, at node: YAMLNode, reader: inout YAMLNodeReader) -> ExpectedOutcome? {
        switch word {
        case "done": return .done
        case "reauthenticate": return .reauthenticate
        case "rejected": return .rejected(nil)
        default:
            let hint = EditDistance.didYouMean(word, among: ["done", "reauthenticate", "rejected"])
            reader.error("unknown outcome '\(word)'\(hint); expected done, reauthenticate, rejected or {rejected: RULE}", at: node)
            return nil
        }
    }

    private func readField(_ field: YAMLNodeReader.Entry, action: ActionName, reader: inout YAMLNodeReader) -> StepExpectation? {
        guard let name = ObservedFieldName(rawValue: field.key) else {
            let allowed = ["outcome", "rejected", "rule"] + action.observedFields.map(\.rawValue)
            reader.unknownKey(field, in: "expect", allowed: allowed)
            return nil
        }
        guard action.observedFields.contains(name) else {
            let has = action.observedFields.isEmpty ? "only an outcome" : "outcome and \(action.observedFields.map(\.rawValue).joined(separator: ", "))"
            reader.error("\(action.rawValue) gives no '\(name.rawValue)'; its result has \(has)", at: field.keyNode)
            return nil
        }
        // Worded only when needed: most files have no mistake here.
        var allowed: String { (name.values.map(\.rawValue) + ["none"]).joined(separator: " or ") }
        let text: String
        if case .scalar(let scalar) = field.value, !field.value.isNull, reader.visit(field.value) {
            text = scalar.string
        } else {
            _ = reader.text(field.value, "\(name.rawValue) (\(allowed))")
            return nil
        }
        if text == "none" {
            return StepExpectation(.field(name, nil), at: reader.location(field.keyNode))
        }
        guard let value = ObservedValue(rawValue: text), name.values.contains(value) else {
            reader.error("unknown \(name.rawValue) '\(text)'; expected \(allowed)", at: field.value)
            return nil
        }
        return StepExpectation(.field(name, value), at: reader.location(field.keyNode))
    }
}
