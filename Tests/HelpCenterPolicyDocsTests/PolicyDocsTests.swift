import BackupPolicy
import Foundation
import HelpCenterDiagnostics
import ScenarioChecker
import Testing

@testable import HelpCenterPolicyDocs
@testable import HelpCenterSite

@Suite("Policy bridge")
struct PolicyDocsTests {
    static let vocabularyText = """
        labels:
          screen: [Manage your account]
          message: [Backup method not set up]
        actions:
          set_up_backup.phone: You set up a backup phone number, {value}.
          open_account_management: You open Account Management.
        results:
          done: Done.
          rejected: "It isn't allowed: {why}."
          banner.hidden: No banner is shown.
        """

    @Test func vocabularyReadsLabelsAndSentences() {
        let (vocabulary, diagnostics) = ProductVocabulary.parse(Self.vocabularyText, path: "policy/vocabulary.yaml")
        #expect(diagnostics.isEmpty)
        #expect(vocabulary.labels.map(\.text) == ["Manage your account", "Backup method not set up"])
        #expect(vocabulary.actions["set_up_backup.phone"] == "You set up a backup phone number, {value}.")
    }

    @Test func badVocabularyIsReportedWithAPosition() {
        let (_, diagnostics) = ProductVocabulary.parse("labels: [oops]\nwords: 1\n", path: "v.yaml")
        #expect(diagnostics.map(\.location.line) == [1, 2])
        #expect(diagnostics.map(\.severity) == [.error, .warning])
    }

    @Test(arguments: [
        ("{phone: 07700 900123}", "phone", "07700 900123"),
        ("{method: text, phone: \"+44 7700 900123\"}", "text", "+44 7700 900123"),
        ("{phone: 1, email: a@b.c}", "both", "1 and a@b.c"),
        ("new-recovery-key", "new-recovery-key", nil),
    ])
    func argumentsAreReadForTheSentences(_ text: String, _ key: String, _ value: String?) {
        let parsed = ExampleNarrator.argument(text)
        #expect(parsed.key == key)
        #expect(parsed.value == value)
    }

    /// The scenario embedded by the project's articles, narrated from the real policy and suite.
    @Test func narratesAScenarioOfTheSuiteInTheVocabularysWords() throws {
        let scenario = """
            scenarios:
              - name: Phone first
                given:
                  email: jane@example.com
                  two_factor: {method: text, phone: "+44 7700 900123"}
                when:
                  - set_up_backup: {phone: "07700 900123"}
                    expect: {rejected: distinct-from-account}
                  - set_up_backup: {phone: "07700 900456"}
                    expect: done
                  - open_account_management:
                    expect: {banner: hidden}
            """
        let catalogue = ScenarioCatalogue(sources: [ScenarioSource(path: "scenarios/test.yaml", text: scenario)])
        let (vocabulary, _) = ProductVocabulary.parse(Self.vocabularyText, path: "v.yaml")
        let wording = try PolicyFileReader(path: "policy/backup-policy.yaml").readDocument(Array(try Self.projectFile("policy/backup-policy.yaml")))
        let policy = SitePolicyLoader.make(document: wording, catalogue: catalogue, vocabulary: vocabulary)
        let example = try #require(policy.examples["Phone first"])
        #expect(example.passed)
        #expect(
            example.steps.map(\.action) == [
                "You set up a backup phone number, 07700 900123.", "You set up a backup phone number, 07700 900456.", "You open Account Management.",
            ])
        #expect(example.steps[0].result.hasPrefix("It isn't allowed: "))
        #expect(example.steps[0].result.contains("+447700900123"))
        #expect(example.steps[0].ruleID == "distinct-from-account")
        #expect(example.steps[2].result == "No banner is shown.")
        #expect(policy.rules.count == 12)
        #expect(policy.rules.filter(\.isDerived).map(\.id) == ["two-factor-required", "valid-contact", "recovery-key-first"])
        #expect(policy.diagram.states.count == 6)
        #expect(!policy.diagram.transitions.isEmpty)
    }

    static func projectFile(_ path: String) throws -> Data {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try Data(contentsOf: root.appendingPathComponent(path))
    }
}
