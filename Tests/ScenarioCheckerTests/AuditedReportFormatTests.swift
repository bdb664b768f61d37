import Foundation
import FoundationXML
import Testing

@testable import BackupPolicy
@testable import ScenarioChecker

/// Every format carries the audit's findings (unknown rules, stale articles, uncovered rules,
/// surviving mutants); human and JSON also carry the coverage data.
@Suite("Report formats with coverage and mutations")
struct AuditedReportFormatTests {
    static let report: CheckReport = {
        let only = ProjectSuite.sources.filter { $0.path == "scenarios/two-factor-setup.yaml" }
        let citations = [
            ProjectSuite.citation("prompt-at-2fa-setup", article: "content/setup.md", updated: "2026-01-01"),
            ProjectSuite.citation("one-methods", article: "content/setup.md", line: 9),
        ]
        let variants = PolicyVariant.catalogue.filter { $0.rule == .oneMethod || $0.rule == .promptAtTwoFactorSetup }
        return ScenarioSuiteChecker().check(
            only, audit: SuiteAudit(document: ProjectSuite.document, citations: citations, requireCoverage: true, variants: variants))
    }()
    let renderer = ReportRenderer(wording: ProjectSuite.document.wording)

    var kinds: Set<ScenarioFinding.Kind> { Set(Self.report.suiteFindings.map(\.kind)) }

    @Test("the audit gives every kind of suite finding")
    func allKinds() {
        #expect(kinds == [.unknownRule, .staleArticle, .uncoveredRule, .survivingMutant])
    }

    @Test("human: the findings, the coverage table, the mutation line, then the summary")
    func human() throws {
        let text = renderer.render(Self.report, as: .human)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("content/setup.md:9:8: error: the article cites the rule 'one-methods'") && $0.hasSuffix("[unknown-rule]") })
        #expect(
            lines.contains {
                $0.hasPrefix("policy/backup-policy.yaml:\(ProjectSuite.line(of: .oneMethod)):5: error: the policy variant 'one-method/allow-both'")
            })
        let header = try #require(lines.firstIndex { $0.hasPrefix("coverage by rule") })
        #expect(lines[header + 1].split(separator: " ").map(String.init) == ["rule", "articles", "deciding", "allowing"])
        let prompt = lines[header + 2 + PolicyRuleID.promptAtTwoFactorSetup.precedence]
        #expect(prompt.split(separator: " ").map(String.init) == ["prompt-at-2fa-setup", "1", "1", "1"])
        let oneMethod = lines[header + 2 + PolicyRuleID.oneMethod.precedence]
        #expect(oneMethod.hasSuffix("(no citing article, no deciding scenario)"))
        #expect(lines[lines.count - 2] == "mutations: 3 policy variants, 2 noticed, 1 survived")
        #expect(lines.last?.hasPrefix("checked 2 scenarios in 1 file: 2 passed, 0 failed;") == true)
    }

    @Test("json: suite findings with their kind and rule, the coverage matrix and the mutation results")
    func json() throws {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(renderer.render(Self.report, as: .json).utf8)) as? [String: Any])
        let findings = try #require(root["findings"] as? [[String: Any]])
        #expect(findings.count == Self.report.findings.count)
        #expect(findings.contains { $0["kind"] as? String == "surviving-mutant" && $0["rule"] as? String == "one-method" })
        let coverage = try #require(root["coverage"] as? [[String: Any]])
        #expect(coverage.count == 12)
        let prompt = try #require(coverage.first { $0["rule"] as? String == "prompt-at-2fa-setup" })
        #expect(prompt["changed"] as? String == "2026-10-01" && prompt["path"] as? String == "policy/backup-policy.yaml")
        #expect((prompt["articles"] as? [[String: Any]])?.first?["article"] as? String == "content/setup.md")
        let deciding = try #require((prompt["deciding"] as? [[String: Any]])?.first)
        #expect(deciding["name"] as? String == "Setting up 2FA prompts for a backup method" && deciding["path"] as? String == "scenarios/two-factor-setup.yaml")
        let mutations = try #require(root["mutations"] as? [[String: Any]])
        #expect(mutations.map { $0["survived"] as? Bool } == [true, false, false])
        #expect((mutations[1]["noticed_by"] as? [[String: Any]])?.isEmpty == false)
    }

    @Test("junit: a policy test suite with one test case per rule and one for the unknown citations")
    func junit() throws {
        let document = try XMLDocument(xmlString: renderer.render(Self.report, as: .junit))
        let suites = try #require(document.rootElement()).elements(forName: "testsuite")
        let policy = try #require(suites.first { $0.attribute(forName: "name")?.stringValue == "policy" })
        let cases = policy.elements(forName: "testcase")
        #expect(cases.count == 13)
        let oneMethod = try #require(cases.first { $0.attribute(forName: "name")?.stringValue == "one-method" })
        #expect(oneMethod.attribute(forName: "line")?.stringValue == "\(ProjectSuite.line(of: .oneMethod))")
        #expect(oneMethod.elements(forName: "failure").first?.stringValue?.contains("one-method/allow-both") == true)
        let citations = try #require(cases.first { $0.attribute(forName: "name")?.stringValue == "(citations)" })
        #expect(citations.attribute(forName: "file")?.stringValue == "content/setup.md")
    }

    @Test("sarif, github and gitlab carry every suite finding under its kind", arguments: [ReportFormat.sarif, .github, .gitlab])
    func machineFormats(format: ReportFormat) throws {
        let text = renderer.render(Self.report, as: format)
        for kind in kinds {
            #expect(text.contains(kind.rawValue))
        }
        switch format {
        case .github:
            #expect(text.split(separator: "\n").count == Self.report.findings.count)
        case .gitlab:
            #expect((try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any])?.count == Self.report.findings.count)
        default:
            let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let run = try #require((root["runs"] as? [[String: Any]])?.first)
            #expect((run["results"] as? [Any])?.count == Self.report.findings.count)
        }
    }
}
