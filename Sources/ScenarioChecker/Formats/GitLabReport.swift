import Crypto

/// GitLab Code Quality JSON: an array of issues with a description, a check name, a stable
/// fingerprint, a severity and a location (path and first line).
struct GitLabReport: CheckReportWriter {
    private var json = JSONWriter()
    private var fingerprints = FindingFingerprints()

    mutating func start(emit: (String) -> Void) {
        json.beginArray()
        emit(json.take())
    }

    mutating func add(_ file: FileReport, emit: (String) -> Void) {
        for finding in file.findings { issue(finding) }
        emit(json.take())
    }

    mutating func finish(_ suite: SuiteResult, emit: (String) -> Void) {
        for finding in suite.suiteFindings { issue(finding) }
        json.endArray()
        emit(json.take() + "\n")
    }

    private mutating func issue(_ finding: ScenarioFinding) {
        Self.appendIssue(
            to: &json, checkName: finding.reportID, description: finding.message, fingerprint: fingerprints.next(finding),
            path: finding.location.path, line: finding.location.line, severity: Self.severity(finding))
    }

    /// One Code Quality issue, its keys in alphabetical order (also the build's and the
    /// translation report's, `DiagnosticListReport.gitlab`).
    static func appendIssue(
        to json: inout JSONWriter, checkName: String, description: String, fingerprint: String, path: String, line: Int, severity: String
    ) {
        json.beginObject()
        json.field("check_name", checkName)
        json.field("description", description)
        json.field("fingerprint", fingerprint)
        json.key("location")
        json.beginObject()
        json.key("lines")
        json.beginObject()
        json.field("begin", line)
        json.endObject()
        json.field("path", path)
        json.endObject()
        json.field("severity", severity)
        json.endObject()
    }

    static func severity(_ finding: ScenarioFinding) -> String {
        switch finding.severity {
        case .error: finding.kind == .scenarioError ? "critical" : "major"
        case .warning: "minor"
        case .note: "info"
        }
    }
}

/// Stable fingerprints for findings, given in report order: a SHA-256 of the path, the id,
/// the scenario and the message, without line numbers (the finding's own, and any `line N`
/// or `FILE:LINE:COL` its message cites), so a finding keeps its fingerprint when lines above
/// it move.
/// Identical findings in one file are told apart by their order.
struct FindingFingerprints {
    private var seen: [String: Int] = [:]

    mutating func next(_ finding: ScenarioFinding) -> String {
        let key = [finding.location.path, finding.reportID, finding.scenario ?? "", Self.withoutLineNumbers(finding.message)].joined(separator: "\u{0}")
        let occurrence = seen[key, default: 0]
        seen[key] = occurrence + 1
        return SHA256.hash(data: Array((key + "\u{0}\(occurrence)").utf8)).lowercaseHex
    }

    /// `… at line 14 …` → `… at line # …`, and a position `big.yaml:2:11` → `big.yaml:#:#`.
    static func withoutLineNumbers(_ message: String) -> String {
        withoutPositions(withoutLineWords(message))
    }

    private static func withoutLineWords(_ message: String) -> String {
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

    /// Each `:<digits>:<digits>` written as `:#:#`.
    private static func withoutPositions(_ text: String) -> String {
        let characters = Array(text)
        func digits(from start: Int) -> Int {
            var end = start
            while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
            return end
        }
        var result = ""
        var index = 0
        while index < characters.count {
            if characters[index] == ":" {
                let line = digits(from: index + 1)
                if line > index + 1, line < characters.count, characters[line] == ":" {
                    let column = digits(from: line + 1)
                    if column > line + 1 {
                        result += ":#:#"
                        index = column
                        continue
                    }
                }
            }
            result.append(characters[index])
            index += 1
        }
        return result
    }
}
