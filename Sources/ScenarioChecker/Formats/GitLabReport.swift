import Foundation

/// GitLab Code Quality JSON: an array of issues with a description, a check name, a stable
/// fingerprint, a severity and a location (path and first line).
struct GitLabReport {
    let report: CheckReport

    struct Issue: Encodable {
        var description: String
        var checkName: String
        var fingerprint: String
        var severity: String
        var location: Location

        enum CodingKeys: String, CodingKey {
            case description, fingerprint, severity, location
            case checkName = "check_name"
        }
    }

    struct Location: Encodable {
        var path: String
        var lines: Lines
    }

    struct Lines: Encodable {
        var begin: Int
    }

    func render() -> String {
        let findings = report.findings
        let fingerprints = FindingFingerprints(findings)
        let issues = findings.enumerated().map { offset, finding in
            Issue(
                description: finding.message, checkName: finding.reportID, fingerprint: fingerprints[offset],
                severity: Self.severity(finding), location: Location(path: finding.location.path, lines: Lines(begin: finding.location.line))
            )
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(issues) else { return "[]\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func severity(_ finding: ScenarioFinding) -> String {
        switch finding.severity {
        case .error: finding.kind == .scenarioError ? "critical" : "major"
        case .warning: "minor"
        case .note: "info"
        }
    }
}

/// Stable fingerprints for findings: a SHA-256 of the path, the id, the scenario and the
/// message, without line numbers (the finding's own, and any `line N` its message cites), so
/// a finding keeps its fingerprint when lines above it move. Identical findings in one file
/// are told apart by their order.
struct FindingFingerprints {
    private let values: [String]

    init(_ findings: [ScenarioFinding]) {
        var seen: [String: Int] = [:]
        values = findings.map { finding in
            let key = [finding.location.path, finding.reportID, finding.scenario ?? "", Self.withoutLineNumbers(finding.message)].joined(separator: "\u{0}")
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            return SHA256Digest.hex(of: Array((key + "\u{0}\(occurrence)").utf8))
        }
    }

    subscript(index: Int) -> String { values[index] }

    /// `… at line 14 …` → `… at line # …`.
    static func withoutLineNumbers(_ message: String) -> String {
        var result = ""
        var rest = Substring(message)
        while let range = rest.firstRange(of: "line ") {
            result += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty {
                result += "#"
                rest = rest.dropFirst(digits.count)
            }
        }
        return result + rest
    }
}
