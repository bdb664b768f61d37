import Foundation
import HelpCenterDiagnostics
import Testing

@testable import BackupPolicy
@testable import ScenarioChecker

/// Coverage: which articles cite each rule, and which scenarios show it deciding or allowing.
@Suite("Coverage")
struct CoverageCheckerTests {
    func audit(_ citations: [RuleCitation], require: Bool = false) -> CheckReport {
        ScenarioSuiteChecker().check(ProjectSuite.sources, audit: SuiteAudit(document: ProjectSuite.document, citations: citations, requireCoverage: require))
    }

    @Test("the policy file reader keeps each rule's position")
    func ruleLocations() {
        let document = ProjectSuite.document
        #expect(
            document.location(of: .sageAccountOnly)
                == SourceLocation(path: "policy/backup-policy.yaml", line: ProjectSuite.line(of: .sageAccountOnly), column: 5))
        #expect(ProjectSuite.line(of: .sageAccountOnly) > 1)
        #expect(Set(document.ruleLocations.keys) == Set(PolicyRuleID.allCases))
    }

    @Test("with every rule cited, the project's suite covers every rule and gives no finding")
    func projectCovered() throws {
        let report = audit(ProjectSuite.fullCitations, require: true)
        #expect(report.suiteFindings.isEmpty, "\(report.suiteFindings.map(\.diagnostic.description))")
        let coverage = try #require(report.coverage)
        #expect(coverage.rules.map(\.rule) == PolicyRuleID.allCases)
        #expect(coverage.rules.allSatisfy { $0.isCovered })
        #expect(!report.hasErrors)
    }

    @Test(
        "deciding and allowing scenarios, with their steps",
        arguments: [
            (PolicyRuleID.bannerWhileMissing, "The banner shows until a backup method is set up", "No banner without 2FA or for another login"),
            (.promptAtTwoFactorSetup, "Setting up 2FA prompts for a backup method", "No prompt when a backup method is already there"),
            (.reauthentication, "A stale session signs in again before managing the backup method", "A fresh session changes the backup method straight away"),
            (
                .oneMethod, "A backup method is a phone number or an email address, never both",
                "Change the backup from a phone number to an email address and back"
            ),
        ])
    func decidingAndAllowing(rule: PolicyRuleID, deciding: String, allowing: String) throws {
        let row = try #require(audit(ProjectSuite.fullCitations).coverage?.coverage(of: rule))
        let decider = try #require(row.decidingScenarios.first { $0.name == deciding })
        #expect(decider.location.path.hasPrefix("scenarios/"))
        #expect(!decider.steps.isEmpty && decider.passed)
        #expect(row.allowingScenarios.contains { $0.name == allowing })
        #expect(!row.decidingScenarios.contains { $0.name == allowing })
    }

    @Test("an uncited rule is a warning, and an error with --require-coverage, at its entry in the policy file", arguments: [false, true])
    func uncited(require: Bool) throws {
        let citations = ProjectSuite.fullCitations.filter { $0.ruleID != PolicyRuleID.oneMethod.rawValue }
        let report = audit(citations, require: require)
        let finding = try #require(report.suiteFindings.first)
        #expect(report.suiteFindings.count == 1)
        #expect(finding.kind == .uncoveredRule && finding.rule == .oneMethod)
        #expect(finding.severity == (require ? .error : .warning))
        #expect(
            finding.diagnostic.description.hasPrefix(
                "policy/backup-policy.yaml:\(ProjectSuite.line(of: .oneMethod)):5: \(require ? "error" : "warning"): no article cites the rule 'one-method'"))
        #expect(finding.diagnostic.description.hasSuffix("[uncovered-rule]"))
        #expect(report.hasErrors == require)
    }

    @Test("a rule that no scenario shows deciding is uncovered")
    func undecided() throws {
        let only = ProjectSuite.sources.filter { $0.path == "scenarios/two-factor-setup.yaml" }
        let report = ScenarioSuiteChecker().check(
            only, audit: SuiteAudit(document: ProjectSuite.document, citations: ProjectSuite.fullCitations, requireCoverage: true))
        let undecided = report.suiteFindings.filter { $0.message.hasPrefix("no scenario shows the rule") }.compactMap(\.rule)
        #expect(undecided.count == 11)
        #expect(!undecided.contains(.promptAtTwoFactorSetup))
        #expect(report.hasErrors)
    }

    @Test("part of the suite leaves out the rules no scenario shows deciding, not the uncited ones")
    func partOfTheSuite() throws {
        let only = ProjectSuite.sources.filter { $0.path == "scenarios/two-factor-setup.yaml" }
        let citations = ProjectSuite.fullCitations.filter { $0.rule != .oneMethod }
        let report = ScenarioSuiteChecker().check(
            only, audit: SuiteAudit(document: ProjectSuite.document, citations: citations, wholeSuite: false))
        #expect(report.suiteFindings.map(\.message).allSatisfy { !$0.hasPrefix("no scenario shows the rule") })
        #expect(report.suiteFindings.map(\.rule) == [.oneMethod], "the uncited rule is still reported")
        // The coverage table still counts what the files checked show.
        let coverage = try #require(report.coverage)
        #expect(coverage.rules.first { $0.rule == .promptAtTwoFactorSetup }?.decidingScenarios.isEmpty == false)
    }

    @Test(
        "citing an unknown rule is an error at the citation, with a suggestion when one is close",
        arguments: [
            ("one-methods", "did you mean 'one-method'?"),
            ("no-such-thing", "its rules are: sage-account-only,"),
        ])
    func unknownRule(id: String, hint: String) throws {
        let citation = ProjectSuite.citation(id, article: "content/b.md", line: 7)
        let report = audit(ProjectSuite.fullCitations + [citation])
        let finding = try #require(report.suiteFindings.first { $0.kind == .unknownRule })
        #expect(
            finding.diagnostic.description.hasPrefix(
                "content/b.md:7:8: error: the article cites the rule '\(id)', which policy/backup-policy.yaml doesn't have"))
        #expect(finding.message.contains(hint))
        #expect(finding.diagnostic.id == "unknown-rule")
        #expect(report.hasErrors)
    }

    @Test("an article updated before a cited rule's wording changed gets a warning")
    func stale() throws {
        let old = ProjectSuite.citation("recovery-key-first", article: "content/old.md", updated: "2026-09-21", line: 5)
        let undated = ProjectSuite.citation("recovery-key-first", article: "content/undated.md", updated: nil)
        let report = audit(ProjectSuite.fullCitations + [old, undated])
        let stale = report.suiteFindings.filter { $0.kind == .staleArticle }
        #expect(stale.count == 1)
        let finding = try #require(stale.first)
        #expect(finding.severity == .warning && finding.rule == .recoveryKeyFirst)
        #expect(
            finding.diagnostic.description
                == "content/old.md:5:8: warning: the article may be out of date: it was last updated on 2026-09-21, but the wording of the rule 'recovery-key-first' it cites changed on 2026-10-01; check it, then update 'updated' [stale-article]"
        )
        #expect(!report.hasErrors)
        let row = try #require(report.coverage?.coverage(of: .recoveryKeyFirst))
        #expect(row.citingArticles.map(\.article) == ["content/a.md", "content/old.md", "content/undated.md"])
    }

    @Test("an article and its translations count as one page; translations are counted beside")
    func translationsCountWithTheirSource() throws {
        var citations = ProjectSuite.fullCitations
        var french = ProjectSuite.citation("recovery-key-first", article: "content/c/a.fr.md")
        french.language = "fr"
        french.source = "content/a.md"
        citations.append(french)
        citations.append(ProjectSuite.citation("recovery-key-first", article: "content/b.md"))
        let report = audit(citations)
        let row = try #require(report.coverage?.coverage(of: .recoveryKeyFirst))
        #expect(row.citingArticles.count == 3)
        #expect(row.citingPages == 2 && row.citingTranslations == 1)
        let table = CoverageTable(coverage: try #require(report.coverage)).render()
        #expect(table[1].hasSuffix("allowing  translations"))
        let line = try #require(table.first { $0.contains("recovery-key-first") })
        #expect(
            line.split(separator: " ").map(String.init) == ["recovery-key-first", "2", "\(row.decidingScenarios.count)", "\(row.allowingScenarios.count)", "1"])
        // Without translations the table keeps its four columns.
        #expect(CoverageTable(coverage: try #require(audit(ProjectSuite.fullCitations).coverage)).render()[1].hasSuffix("deciding  allowing"))
    }
}
