import BackupPolicy
import Foundation

/// SARIF 2.1.0 as GitHub code scanning reads it: the policy's rules (and the checker's own
/// finding kinds) in `tool.driver.rules`, one result per finding, each with a region.
struct SARIFReport {
    let report: CheckReport
    let wording: PolicyWording?

    static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

    struct Log: Encodable {
        var schema = SARIFReport.schema
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
        /// Columns count Unicode scalars, as libyaml's marks do (SARIF's default is UTF-16 units).
        var columnKind = "unicodeCodePoints"
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Driver: Encodable {
        var name = "helpcenter check"
        var rules: [Rule]
    }

    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var defaultConfiguration: Configuration
    }

    struct Configuration: Encodable {
        var level: String
    }

    struct Message: Encodable {
        var text: String
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var partialFingerprints: [String: String]
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Encodable {
        var uri: String
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
    }

    func render() -> String {
        let rules = ruleList()
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let fingerprints = FindingFingerprints(report.findings)
        let results = report.findings.enumerated().map { offset, finding in
            Result(
                ruleId: finding.reportID, ruleIndex: index[finding.reportID] ?? 0,
                level: Self.level(finding.severity.rawValue), message: Message(text: finding.message),
                locations: [Location(physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: Self.uri(finding.location.path)),
                    region: Region(startLine: finding.location.line, startColumn: finding.location.column)
                ))],
                partialFingerprints: ["helpcenterFinding/v1": fingerprints[offset]]
            )
        }
        let log = Log(runs: [Run(tool: Tool(driver: Driver(rules: rules)), results: results)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(log) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The twelve policy rules in precedence order, then the checker's finding kinds.
    private func ruleList() -> [Rule] {
        let policyRules = PolicyRuleID.allCases.map { id in
            let words = wording?.wording(for: id)
            return Rule(
                id: id.rawValue, name: Self.pascalCase(id.rawValue),
                shortDescription: Message(text: words?.title ?? id.rawValue),
                fullDescription: Message(text: words?.sentence ?? id.rawValue),
                defaultConfiguration: Configuration(level: "error")
            )
        }
        let kinds = ScenarioFinding.Kind.allCases.map { kind in
            Rule(
                id: kind.rawValue, name: Self.pascalCase(kind.rawValue),
                shortDescription: Message(text: kind.title), fullDescription: Message(text: kind.title),
                defaultConfiguration: Configuration(level: "error")
            )
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
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        let relative = encoded.hasPrefix("./") ? String(encoded.dropFirst(2)) : encoded
        return path.hasPrefix("/") ? "file://" + encoded : relative
    }
}
