import Crypto
import HelpCenterDiagnostics

/// A list of diagnostics that are not scenario findings (`helpcenter check --translations`:
/// docs/languages.md) in each of the checker's report formats, so that CI reads them like the
/// scenario report.
public enum DiagnosticListReport {
    /// The whole report; `tool` names what produced it (`helpcenter check --translations`),
    /// `summary` adds counts (`missing: 4`) to the human and JSON forms.
    public static func render(_ diagnostics: [Diagnostic], format: ReportFormat, tool: String, summary: [(String, Int)]) -> String {
        switch format {
        case .human: human(diagnostics, summary: summary)
        case .json: json(diagnostics, summary: summary)
        case .junit: junit(diagnostics, tool: tool)
        case .sarif: sarif(diagnostics, tool: tool)
        case .github: diagnostics.map(github).joined()
        case .gitlab: gitlab(diagnostics)
        }
    }

    static func human(_ diagnostics: [Diagnostic], summary: [(String, Int)]) -> String {
        diagnostics.map { "\($0)\n" }.joined() + summary.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "\n"
    }

    static func json(_ diagnostics: [Diagnostic], summary: [(String, Int)]) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.key("findings")
        json.beginArray()
        for diagnostic in diagnostics {
            json.beginObject()
            json.field("column", diagnostic.location.column)
            json.field("id", diagnostic.id ?? "")
            json.field("line", diagnostic.location.line)
            json.field("message", diagnostic.message)
            json.field("path", diagnostic.location.path)
            json.field("severity", diagnostic.severity.rawValue)
            json.endObject()
        }
        json.endArray()
        json.key("summary")
        json.beginObject()
        for (name, count) in summary { json.field(name, count) }
        json.endObject()
        json.endObject()
        return json.take() + "\n"
    }

    /// One test case per finding: an error fails, a warning passes with its message in
    /// `system-out` (as the scenario report writes warnings: a job that exits 0 must not show a
    /// failed test, which Jenkins marks unstable), a note is skipped. Names leave the line out,
    /// so a test's history survives an edit above it. With no finding, one passing case, as
    /// Jenkins refuses a report with no result (session 22's CI trial).
    static func junit(_ diagnostics: [Diagnostic], tool: String) -> String {
        let failures = diagnostics.filter { $0.severity == .error }.count
        let skipped = diagnostics.filter { $0.severity == .note }.count
        let tests = max(1, diagnostics.count)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\(attribute(tool)) tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">\n"
        xml += "  <testsuite name=\(attribute(tool)) tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">\n"
        if diagnostics.isEmpty {
            xml += "    <testcase classname=\(attribute(tool)) name=\"no findings\"/>\n"
        }
        // A name used again in the same file is numbered (`(2)`): CI systems know a test by
        // its class and name, and merged two unknown keys of one article.
        var uses: [String: Int] = [:]
        for diagnostic in diagnostics {
            let location = diagnostic.location
            var name = "\(location.path): \(diagnostic.id ?? "")"
            uses[name, default: 0] += 1
            if let count = uses[name], count > 1 { name += " (\(count))" }
            xml +=
                "    <testcase classname=\(attribute(location.path)) name=\(attribute(name)) file=\(attribute(location.path)) line=\"\(location.line)\">"
            switch diagnostic.severity {
            case .note: xml += "<skipped message=\(attribute(diagnostic.message))/>"
            case .warning: xml += "<system-out>\(escaped("\(diagnostic)"))</system-out>"
            case .error: xml += "<failure type=\(attribute(diagnostic.id ?? "")) message=\(attribute(diagnostic.message))/>"
            }
            xml += "</testcase>\n"
        }
        return xml + "  </testsuite>\n</testsuites>\n"
    }

    static func sarif(_ diagnostics: [Diagnostic], tool: String) -> String {
        var fingerprints: [String: Int] = [:]
        var json = JSONWriter()
        SARIFReport.beginResults(into: &json)
        for diagnostic in diagnostics {
            json.beginObject()
            json.field("level", diagnostic.severity == .note ? "note" : diagnostic.severity.rawValue)
            SARIFReport.locations(path: diagnostic.location.path, line: diagnostic.location.line, column: diagnostic.location.column, into: &json)
            json.key("message")
            json.beginObject()
            json.field("text", diagnostic.message)
            json.endObject()
            json.key("partialFingerprints")
            json.beginObject()
            json.field("primaryLocationLineHash", fingerprint(diagnostic, seen: &fingerprints))
            json.endObject()
            json.field("ruleId", diagnostic.id ?? "")
            json.endObject()
        }
        json.endArray()
        json.key("tool")
        json.beginObject()
        json.key("driver")
        json.beginObject()
        json.field("name", tool)
        json.key("rules")
        json.beginArray()
        for id in Set(diagnostics.compactMap(\.id)).sorted() {
            json.beginObject()
            json.field("id", id)
            json.endObject()
        }
        json.endArray()
        json.field("version", ToolVersion.current)
        json.endObject()
        json.endObject()
        json.endObject()
        json.endArray()
        json.field("version", "2.1.0")
        json.endObject()
        return json.take() + "\n"
    }

    static func github(_ diagnostic: Diagnostic) -> String {
        let command =
            switch diagnostic.severity {
            case .error: "error"
            case .warning: "warning"
            case .note: "notice"
            }
        let location = diagnostic.location
        let properties = [
            "file=\(GitHubReport.property(location.path))", "line=\(location.line)", "col=\(location.column)",
            "title=\(GitHubReport.property(diagnostic.id ?? ""))",
        ].joined(separator: ",")
        return "::\(command) \(properties)::\(GitHubReport.data(diagnostic.message))\n"
    }

    static func gitlab(_ diagnostics: [Diagnostic]) -> String {
        var fingerprints: [String: Int] = [:]
        var json = JSONWriter()
        json.beginArray()
        for diagnostic in diagnostics {
            GitLabReport.appendIssue(
                to: &json, checkName: diagnostic.id ?? "", description: diagnostic.message,
                fingerprint: fingerprint(diagnostic, seen: &fingerprints), path: diagnostic.location.path, line: diagnostic.location.line,
                severity: diagnostic.severity == .error ? "major" : diagnostic.severity == .warning ? "minor" : "info")
        }
        json.endArray()
        return json.take() + "\n"
    }

    /// A SHA-256 of the path, the id and the message (no line number, so it survives edits above).
    static func fingerprint(_ diagnostic: Diagnostic, seen: inout [String: Int]) -> String {
        let key = [diagnostic.location.path, diagnostic.id ?? "", diagnostic.message].joined(separator: "\u{0}")
        let count = seen[key, default: 0]
        seen[key] = count + 1
        return SHA256.hash(data: Array((key + "\u{0}\(count)").utf8)).lowercaseHex
    }
}
