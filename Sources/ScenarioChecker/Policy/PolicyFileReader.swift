import BackupPolicy
import Foundation
import HelpCenterCalendar
import HelpCenterDiagnostics
import HelpCenterYAML

/// The policy data file could not be used: every problem found, with its location.
public struct PolicyFileError: Error, Sendable, CustomStringConvertible {
    public var problems: [Diagnostic]

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Reads the policy data file (`policy/backup-policy.yaml`): the wording of every rule and
/// the parameters. Refuses a file whose rule ids differ from the ids the policy implements.
public struct PolicyFileReader: Sendable {
    public var path: String

    public init(path: String) {
        self.path = path
    }

    public func read(_ bytes: [UInt8]) throws(PolicyFileError) -> PolicyWording {
        try readDocument(bytes).wording
    }

    /// The wording and parameters, with the position of each rule's entry.
    public func readDocument(_ bytes: [UInt8]) throws(PolicyFileError) -> PolicyDocument {
        let root: YAMLNode?
        do throws(YAMLInputProblem) {
            root = try GuardedYAML.parse(bytes: bytes, limits: .policyFile)?.root
        } catch {
            throw PolicyFileError(problems: [.error(error.message, at: error.location(in: path))])
        }
        var reader = YAMLNodeReader(path: path, nodeBudget: 100_000)
        guard let root else {
            throw PolicyFileError(problems: [.error("the policy file is empty; expected 'parameters' and 'rules'", at: SourceLocation(path: path))])
        }
        var locations: [PolicyRuleID: SourceLocation] = [:]
        let wording = read(root, reader: &reader, locations: &locations)
        let problems = reader.findings.map(\.diagnostic).sorted()
        guard problems.isEmpty, let wording else {
            throw PolicyFileError(problems: problems)
        }
        return PolicyDocument(path: path, wording: wording, ruleLocations: locations)
    }

    private func read(_ root: YAMLNode, reader: inout YAMLNodeReader, locations: inout [PolicyRuleID: SourceLocation]) -> PolicyWording? {
        guard let entries = reader.map(root, "the policy file") else { return nil }
        var parameters = PolicyParameters()
        var rules: [RuleWording] = []
        var ruleIDs: [String] = []
        var rulesNode: YAMLNode?
        for entry in entries {
            switch entry.key {
            case "parameters":
                parameters = readParameters(entry.value, reader: &reader)
            case "rules":
                rulesNode = entry.value
                for item in reader.list(entry.value, "the rules") ?? [] {
                    if let id = readRuleID(item, reader: &reader) {
                        ruleIDs.append(id)
                        if let rule = PolicyRuleID(rawValue: id), locations[rule] == nil { locations[rule] = reader.location(item) }
                    }
                    if let wording = readRule(item, reader: &reader) { rules.append(wording) }
                }
            default:
                reader.unknownKey(entry, in: "the policy file", allowed: ["parameters", "rules"])
            }
        }
        guard let rulesNode else {
            reader.error("the policy file has no 'rules' list", at: root)
            return nil
        }
        do throws(RuleIDMismatch) {
            try PolicyWording.checkRuleIDs(ruleIDs)
        } catch {
            reader.error(error.description, at: rulesNode)
        }
        return PolicyWording(rules: rules, parameters: parameters)
    }

    private func readParameters(_ node: YAMLNode, reader: inout YAMLNodeReader) -> PolicyParameters {
        var parameters = PolicyParameters()
        for entry in reader.map(node, "the parameters") ?? [] {
            guard entry.key == "default_calling_code" else {
                reader.unknownKey(entry, in: "the parameters", allowed: ["default_calling_code"])
                continue
            }
            guard let code = reader.text(entry.value, "a calling code") else { continue }
            if PolicyParameters.isValidCallingCode(code) {
                parameters.defaultCallingCode = code
            } else {
                reader.error("default_calling_code '\(code)' is not a country calling code (one to three digits, not starting with 0)", at: entry.value)
            }
        }
        return parameters
    }

    private func readRuleID(_ node: YAMLNode, reader: inout YAMLNodeReader) -> String? {
        guard case .mapping(let mapping) = node else { return nil }
        guard let value = mapping["id"], case .scalar(let scalar) = value else { return nil }
        return scalar.string
    }

    private func readRule(_ node: YAMLNode, reader: inout YAMLNodeReader) -> RuleWording? {
        guard let entries = reader.map(node, "a rule") else { return nil }
        var values: [String: String] = [:]
        let fields = ["id", "title", "sentence", "changed"]
        var kind: (text: String, node: YAMLNode)?
        for entry in entries {
            if entry.key == "kind" {
                if let text = reader.text(entry.value, "the rule's kind (article or derived)") { kind = (text, entry.value) }
                continue
            }
            guard fields.contains(entry.key) else {
                reader.unknownKey(entry, in: "a rule", allowed: fields + ["kind"])
                continue
            }
            if let text = reader.text(entry.value, "the rule's \(entry.key) as text") {
                values[entry.key] = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if entry.key == "changed", !Self.isDate(text) {
                    reader.error("changed '\(text)' is not a date written YYYY-MM-DD", at: entry.value)
                }
            }
        }
        let missing = fields.filter { values[$0] == nil }
        if !missing.isEmpty {
            reader.error("the rule is missing \(missing.joined(separator: ", "))", at: node)
            return nil
        }
        guard let idText = values["id"], let id = PolicyRuleID(rawValue: idText),
            let title = values["title"], let sentence = values["sentence"], let changed = values["changed"]
        else { return nil }
        // `kind` is optional; written, it must be the checker's, so that writers see which
        // rules are the team's decision (derived) rather than the source article's words.
        if let kind, kind.text != id.kind.rawValue {
            let why = id.kind == .derived ? "the source article does not state it; the policy derives it" : "the source article states it"
            reader.error("\(id.rawValue) is kind '\(id.kind.rawValue)' (\(why)), not '\(kind.text)'", at: kind.node)
        }
        return RuleWording(id: id, title: title, sentence: sentence, changed: changed)
    }

    /// A day that exists, written exactly `YYYY-MM-DD` (2026-02-30 is refused).
    static func isDate(_ text: String) -> Bool {
        CalendarDate(parsing: text) != nil
    }
}
