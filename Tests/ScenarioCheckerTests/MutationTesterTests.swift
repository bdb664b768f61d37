import Foundation
import HelpCenterDiagnostics
import Testing

@testable import BackupPolicy
@testable import ScenarioChecker

/// Mutation testing: the project's scenarios notice every broken variant of the policy, and
/// a variant nothing notices is reported.
@Suite("Mutation testing")
struct MutationTesterTests {
    static let checker = ScenarioSuiteChecker()
    static let parsed = checker.read(ProjectSuite.sources)
    static let baseline = parsed.map { checker.replay($0) }

    @Test("the project's suite notices the variant", arguments: PolicyVariant.catalogue.map(\.id))
    func projectNotices(id: String) throws {
        let variant = try #require(PolicyVariant.catalogue.first { $0.id == id })
        let result = try #require(MutationTester(variants: [variant]).run(Self.parsed, baseline: Self.baseline).first)
        #expect(!result.survived, "no scenario notices \(id)")
        #expect(result.noticedBy.allSatisfy { !$0.passed && !$0.steps.isEmpty })
    }

    @Test("a variant no scenario notices is an error at the rule's entry in the policy file")
    func survivor() throws {
        let only = ProjectSuite.sources.filter { $0.path == "scenarios/two-factor-setup.yaml" }
        let variants = PolicyVariant.catalogue.filter { $0.rule == .oneMethod || $0.rule == .promptAtTwoFactorSetup }
        let report = Self.checker.check(only, audit: SuiteAudit(document: ProjectSuite.document, citations: ProjectSuite.fullCitations, variants: variants))
        let results = try #require(report.mutations)
        #expect(results.map(\.variant) == ["one-method/allow-both", "prompt-at-2fa-setup/never", "prompt-at-2fa-setup/always"])
        #expect(results.map(\.survived) == [true, false, false])
        let survivors = report.suiteFindings.filter { $0.kind == .survivingMutant }
        #expect(survivors.count == 1)
        let finding = try #require(survivors.first)
        #expect(
            finding.diagnostic.description.hasPrefix(
                "policy/backup-policy.yaml:\(ProjectSuite.line(of: .oneMethod)):5: error: the policy variant 'one-method/allow-both' (allow both a phone and an email) survives"
            ))
        #expect(finding.diagnostic.description.hasSuffix("[surviving-mutant]"))
        #expect(finding.rule == .oneMethod)
        #expect(report.hasErrors)
        // The scenarios themselves still pass: only the audit fails.
        #expect(report.files.allSatisfy { $0.findings.isEmpty })
    }

    @Test("an error the real policy already gives is not counted as noticing")
    func baselineErrorsDontCount() throws {
        let text = """
            scenarios:
              - name: Wrong about the banner whatever the policy
                given: {two_factor: {method: app}}
                when:
                  - open_account_management:
                    expect: {banner: hidden}
            """
        let sources = [ScenarioSource(path: "wrong.yaml", text: text)]
        let parsed = Self.checker.read(sources)
        let baseline = parsed.map { Self.checker.replay($0) }
        let variant = try #require(PolicyVariant.catalogue.first { $0.id == "prompt-at-2fa-setup/never" })
        #expect(try #require(MutationTester(variants: [variant]).run(parsed, baseline: baseline).first).survived)
        let noticed = try #require(PolicyVariant.catalogue.first { $0.id == "banner-while-missing/ignores-backup" })
        #expect(try #require(MutationTester(variants: [noticed]).run(parsed, baseline: baseline).first).survived)
    }
}
