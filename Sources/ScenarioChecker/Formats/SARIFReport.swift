import BackupPolicy
import Foundation
import HelpCenterDiagnostics

/// SARIF 2.1.0 as GitHub code scanning reads it: the policy's rules (and the checker's own
/// finding kinds) in `tool.driver.rules`, one result per finding, each with a region. Keys
/// are in alphabetical order, so the results come before the tool and are written as the
/// files are checked.
struct SARIFReport: CheckReportWriter {
    let wording: PolicyWording?
    private var json = JSONWriter()
    private var fingerprints = FindingFingerprints()
    private var ruleIndex: [String: Int] = [:]

    static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

    init(wording: PolicyWording?) {
        self.wording = wording
    }

    struct Rule {
        var id: String
        var name: String
        var shortDescription: String
        var fullDescription: String
    }

    mutating func start(emit: (String) -> Void) {
        let rules = ruleList()
        ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        Self.beginResults(into: &json)
        emit(json.take())
    }

    /// `tool.driver`: the rules results refer to by index.
    private mutating func tool() {
        let rules = ruleList()
        json.key("tool")
        json.beginObject()
        json.key("driver")
        json.beginObject()
        json.field("name", "helpcenter check")
        json.key("rules")
        json.beginArray()
        for rule in rules {
            json.beginObject()
            json.key("defaultConfiguration")
            json.beginObject()
            json.field("level", "error")
            json.endObject()
            json.key("fullDescription")
            message(rule.fullDescription)
            json.field("id", rule.id)
            json.field("name", rule.name)
            json.key("shortDescription")
            message(rule.shortDescription)
            json.endObject()
        }
        json.endArray()
        json.field("version", ToolVersion.current)
        json.endObject()
        json.endObject()
    }

    mutating func add(_ file: FileReport, emit: (String) -> Void) {
        for finding in file.findings { result(finding) }
        emit(json.take())
    }

    mutating func finish(_ suite: SuiteResult, emit: (String) -> Void) {
        for finding in suite.suiteFindings { result(finding) }
        json.endArray()
        tool()
        json.endObject()
        json.endArray()
        json.field("version", "2.1.0")
        json.endObject()
        emit(json.take() + "\n")
    }

    /// One result, its keys in alphabetical order.
    private mutating func result(_ finding: ScenarioFinding) {
        json.beginObject()
        json.field("level", Self.level(finding.severity.rawValue))
        Self.locations(path: finding.location.path, line: finding.location.line, column: finding.location.column, into: &json)
        json.key("message")
        message(finding.message)
        json.key("partialFingerprints")
        json.beginObject()
        json.field("helpcenterFinding/v1", fingerprints.next(finding))
        json.endObject()
        json.field("ruleId", finding.reportID)
        json.field("ruleIndex", ruleIndex[finding.reportID] ?? 0)
        json.endObject()
    }

    /// `{"text": …}`.
    private mutating func message(_ text: String) {
        json.beginObject()
        json.field("text", text)
        json.endObject()
    }

    /// The twelve policy rules in precedence order, then the checker's finding kinds.
    private func ruleList() -> [Rule] {
        let policyRules = PolicyRuleID.allCases.map { id in
            let words = wording?.wording(for: id)
            return Rule(
                id: id.rawValue, name: Self.pascalCase(id.rawValue), shortDescription: words?.title ?? id.rawValue,
                fullDescription: words?.sentence ?? id.rawValue)
        }
        let kinds = ScenarioFinding.Kind.allCases.map { kind in
            Rule(id: kind.rawValue, name: Self.pascalCase(kind.rawValue), shortDescription: kind.title, fullDescription: kind.title)
        }
        return policyRules + kinds
    }

    static func level(_ severity: String) -> String {
        severity == "note" ? "note" : severity
    }

    /// `sage-account-only` → `SageAccountOnly`.
    static func pascalCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A relative URI for a path (percent-encoded), or a `file://` URI for an absolute one.
    /// The log's opening up to its one run's `results` array: the schema, and columns counted
    /// in Unicode scalars, as libyaml's marks and the project's diagnostics count them (SARIF's
    /// default is UTF-16 units). Shared with the other reports that write SARIF.
    static func beginResults(into json: inout JSONWriter) {
        json.beginObject()
        json.field("$schema", schema)
        json.key("runs")
        json.beginArray()
        json.beginObject()
        json.field("columnKind", "unicodeCodePoints")
        json.key("results")
        json.beginArray()
    }

    /// A result's `locations`: one physical location, its file as a URI (`uri`), its line and
    /// column; keys in alphabetical order. Shared with the other reports that write SARIF.
    static func locations(path: String, line: Int, column: Int, into json: inout JSONWriter) {
        json.key("locations")
        json.beginArray()
        json.beginObject()
        json.key("physicalLocation")
        json.beginObject()
        json.key("artifactLocation")
        json.beginObject()
        json.field("uri", uri(path))
        json.endObject()
        json.key("region")
        json.beginObject()
        json.field("startColumn", column)
        json.field("startLine", line)
        json.endObject()
        json.endObject()
        json.endObject()
        json.endArray()
    }

    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        let relative = encoded.hasPrefix("./") ? String(encoded.dropFirst(2)) : encoded
        return path.hasPrefix("/") ? "file://" + encoded : relative
    }
}
