import Foundation
import FoundationXML
import HelpCenterDiagnostics
import Testing

@testable import BackupPolicy
@testable import ScenarioChecker

/// Every format is parsed back, not only string-compared.
@Suite("Report formats")
struct ReportFormatTests {
    static let hostile = ScenarioSource(path: "weird, name:%.yaml", text: "scenarios:\n  - name: \"50% off,\\r\\nnew line\"\n    tags: 1\n")
    let report = ScenarioSuiteChecker().check([Support.fixture("mismatches.yaml"), Self.hostile, HostileInputTests.good])
    let renderer = ReportRenderer(
        wording: PolicyWording(
            rules: PolicyRuleID.allCases.map { RuleWording(id: $0, title: "Title of \($0.rawValue)", sentence: "Sentence.", changed: "2025-01-01") },
            parameters: PolicyParameters()
        ))

    func json(_ format: ReportFormat) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(renderer.render(report, as: format).utf8))
    }

    @Test("human: path:line:col: severity: message [rule], then the summary")
    func human() {
        let lines = renderer.render(report, as: .human).split(separator: "\n").map(String.init)
        #expect(lines.count == report.findings.count + 1)
        #expect(lines[0].hasPrefix("mismatches.yaml:9:17: error: expected done, but the policy rejects this step"))
        #expect(lines[0].hasSuffix("[distinct-from-account]"))
        #expect(lines.last == "checked 5 scenarios in 3 files: 2 passed, 3 failed; 8 errors, 1 warning")
    }

    @Test("json: summary, findings and scenarios with the rule deciding each step")
    func jsonFormat() throws {
        let root = try #require(try json(.json) as? [String: Any])
        let summary = try #require(root["summary"] as? [String: Int])
        #expect(summary["scenarios"] == 5)
        #expect(summary["errors"] == 8)
        let findings = try #require(root["findings"] as? [[String: Any]])
        #expect(findings.count == report.findings.count)
        #expect(findings[0]["line"] as? Int == 9)
        #expect(findings[0]["rule"] as? String == "distinct-from-account")
        #expect(findings[0]["kind"] as? String == "mismatch")
        let scenarios = try #require(root["scenarios"] as? [[String: Any]])
        let steps = try #require(scenarios[0]["steps"] as? [[String: Any]])
        #expect(steps[0]["decided_by"] as? [String] == ["distinct-from-account"])
        #expect(steps[0]["outcome"] as? String == "rejected")
    }

    @Test("junit: one testsuite per file, one testcase per scenario, failures and errors")
    func junit() throws {
        let xml = renderer.render(report, as: .junit)
        let document = try XMLDocument(xmlString: xml)
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        #expect(root.attribute(forName: "tests")?.stringValue == "5")
        #expect(root.attribute(forName: "failures")?.stringValue == "2")
        #expect(root.attribute(forName: "errors")?.stringValue == "1")
        let suites = root.elements(forName: "testsuite")
        #expect(suites.map { $0.attribute(forName: "name")?.stringValue } == ["mismatches.yaml", "weird, name:%.yaml", "good.yaml"])
        let cases = suites[0].elements(forName: "testcase")
        #expect(cases.count == 3)
        #expect(cases[0].attribute(forName: "classname")?.stringValue == "mismatches")
        let failure = try #require(cases[0].elements(forName: "failure").first)
        #expect(failure.attribute(forName: "type")?.stringValue == "distinct-from-account")
        #expect(failure.stringValue?.contains("mismatches.yaml:13:18: error:") == true)
        #expect(cases[2].elements(forName: "failure").isEmpty)
        let weird = try #require(suites[1].elements(forName: "testcase").first)
        #expect(weird.attribute(forName: "name")?.stringValue == "50% off,\r\nnew line")
        #expect(weird.elements(forName: "error").count == 1)
    }

    /// A scenario with a scenario error before a mismatch is a failure typed by the mismatch
    /// (not `scenario-error`, an error's type), its details in the order of the file.
    @Test("junit: a failure is typed by its first mismatch")
    func junitFailureType() throws {
        let text = """
            scenarios:
              - name: Both
                rules: [no-such-rule]
                given: {two_factor: {method: app}}
                when:
                  - open_account_management:
                    expect: {banner: hidden}

            """
        let report = ScenarioSuiteChecker().check([ScenarioSource(path: "both.yaml", text: text)])
        let document = try XMLDocument(xmlString: renderer.render(report, as: .junit))
        let testCase = try #require(document.rootElement()?.elements(forName: "testsuite").first?.elements(forName: "testcase").first)
        let failure = try #require(testCase.elements(forName: "failure").first)
        #expect(failure.attribute(forName: "type")?.stringValue == "banner-while-missing", "\(testCase)")
        let details = try #require(failure.stringValue)
        let unknown = try #require(details.range(of: "both.yaml:3:"))
        let mismatch = try #require(details.range(of: "both.yaml:7:"))
        #expect(unknown.lowerBound < mismatch.lowerBound)
    }

    @Test("sarif: 2.1.0 with the rules in tool.driver.rules and a region on every result")
    func sarif() throws {
        let root = try #require(try json(.sarif) as? [String: Any])
        #expect(root["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(root["version"] as? String == "2.1.0")
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["version"] as? String == ToolVersion.current, "code scanning names the version that found an alert")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(Array(ids.prefix(12)) == PolicyRuleID.allCases.map(\.rawValue))
        #expect(ids.contains("scenario-error"))
        #expect((rules[0]["shortDescription"] as? [String: String])?["text"] == "Title of sage-account-only")
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == report.findings.count)
        for result in results {
            let id = try #require(result["ruleId"] as? String)
            #expect(ids[try #require(result["ruleIndex"] as? Int)] == id)
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let region = try #require(location["region"] as? [String: Int])
            #expect(region["startLine"]! >= 1 && region["startColumn"]! >= 1)
            #expect((location["artifactLocation"] as? [String: String])?["uri"] != nil)
        }
        let uris = results.compactMap {
            (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: String]
        }
        #expect(uris.contains { $0["uri"] == "weird,%20name:%25.yaml" || $0["uri"] == "weird,%20name%3A%25.yaml" })
    }

    @Test("github: workflow commands, escaped, that parse back to the findings")
    func github() throws {
        let lines = renderer.render(report, as: .github).split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.count == report.findings.count)
        for (line, finding) in zip(lines, report.findings) {
            let command = try #require(GitHubCommand(String(line)))
            #expect(command.name == (finding.severity == .error ? "error" : "warning"))
            #expect(command.properties["file"] == finding.location.path)
            #expect(command.properties["line"] == String(finding.location.line))
            #expect(command.properties["col"] == String(finding.location.column))
            #expect(command.properties["title"] == finding.reportID)
            #expect(command.message == finding.message)
        }
        #expect(GitHubReport.property("a:b,c%\r\n") == "a%3Ab%2Cc%25%0D%0A")
        #expect(GitHubReport.data("a:b,c%\r\n") == "a:b,c%25%0D%0A")
        // Other control characters and line separators cannot reach the CI log raw (an escape
        // sequence set its colours); a tab and non-ASCII text stay as they are.
        #expect(GitHubReport.data("\u{1B}[31mRED \u{7} \u{0} \u{85} \u{2028}\tçé") == "\\u{1B}[31mRED \\u{7} \\u{0} \\u{85} \\u{2028}\tçé")
        #expect(GitHubReport.property("a\u{1B}b.yaml") == "a\\u{1B}b.yaml")
    }

    @Test("gitlab: code quality issues with stable, unique fingerprints")
    func gitlab() throws {
        let issues = try #require(try json(.gitlab) as? [[String: Any]])
        #expect(issues.count == report.findings.count)
        let fingerprints = issues.compactMap { $0["fingerprint"] as? String }
        #expect(Set(fingerprints).count == issues.count)
        #expect(fingerprints.allSatisfy { $0.count == 64 })
        let first = issues[0]
        #expect(first["check_name"] as? String == "distinct-from-account")
        #expect(first["severity"] as? String == "major")
        let location = try #require(first["location"] as? [String: Any])
        #expect(location["path"] as? String == "mismatches.yaml")
        #expect((location["lines"] as? [String: Int])?["begin"] == 9)
        // Moving the file's lines down keeps every fingerprint.
        let original = try String(contentsOf: Support.fixtures.appendingPathComponent("mismatches.yaml"), encoding: .utf8)
        let moved = ScenarioSuiteChecker().check([ScenarioSource(path: "mismatches.yaml", text: "# a new comment\n\n" + original)])
        let movedIssues = try #require(try JSONSerialization.jsonObject(with: Data(renderer.render(moved, as: .gitlab).utf8)) as? [[String: Any]])
        let mismatchFile = issues.filter { ($0["location"] as? [String: Any])?["path"] as? String == "mismatches.yaml" }
        #expect(movedIssues.compactMap { $0["fingerprint"] as? String } == mismatchFile.compactMap { $0["fingerprint"] as? String })
        // A position quoted in a message (a duplicate name's first use) does not count either.
        #expect(
            FindingFingerprints.withoutLineNumbers("duplicate scenario name 'x' (first used at big/big.yaml:2:11), see line 40")
                == "duplicate scenario name 'x' (first used at big/big.yaml:#:#), see line #")
        #expect(FindingFingerprints.withoutLineNumbers("at 10:30 or a:b:c") == "at 10:30 or a:b:c")
    }

    @Test("output is deterministic across runs")
    func deterministic() {
        let again = ScenarioSuiteChecker().check([Support.fixture("mismatches.yaml"), Self.hostile, HostileInputTests.good])
        for format in ReportFormat.allCases {
            #expect(renderer.render(report, as: format) == renderer.render(again, as: format))
        }
    }

    @Test("a fingerprint is the SHA-256 of path, id, scenario, message without line numbers, and occurrence")
    func fingerprintsArePinned() {
        // Computed independently (Python's hashlib) from the key the docs describe; a change
        // here changes every fingerprint GitLab and SARIF consumers have stored.
        var fingerprints = FindingFingerprints()
        let finding = ScenarioFinding.suite(
            .unknownRule, .error, "the article cites line 12 here", at: SourceLocation(path: "scenarios/a.yaml", line: 3, column: 1))
        #expect(fingerprints.next(finding) == "4679ac7f5aa840bc87479954e4af42c99f3d047d3ba9748814b9ecba0b0823b5")
        #expect(fingerprints.next(finding) == "5072a8bd5379bce1ef326ffd65e364cb93bdbe335791a741dfa124011aaa57af")
    }
}

/// A GitHub workflow command parsed back with GitHub's unescaping rules.
struct GitHubCommand {
    var name: String
    var properties: [String: String]
    var message: String

    init?(_ line: String) {
        guard line.hasPrefix("::"), let end = line.range(of: "::", range: line.index(line.startIndex, offsetBy: 2)..<line.endIndex) else { return nil }
        let head = line[line.index(line.startIndex, offsetBy: 2)..<end.lowerBound]
        let parts = head.split(separator: " ", maxSplits: 1)
        name = String(parts[0])
        properties = [:]
        if parts.count == 2 {
            for pair in parts[1].split(separator: ",") {
                let keyValue = pair.split(separator: "=", maxSplits: 1)
                guard keyValue.count == 2 else { return nil }
                properties[String(keyValue[0])] = Self.unescape(String(keyValue[1]))
            }
        }
        message = Self.unescape(String(line[end.upperBound...]))
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n")
            .replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(of: "%2C", with: ",")
            .replacingOccurrences(of: "%25", with: "%")
    }
}
