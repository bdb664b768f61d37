import BackupPolicy
import Foundation
import HelpCenterDiagnostics
import ScenarioChecker
import Testing

@testable import HelpCenterPolicyDocs
@testable import HelpCenterSite

@Suite("Policy bridge")
struct PolicyDocsTests {
    @Test func aTranslationsCitationsNameItsLanguageAndSource() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citations-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("guides"), withIntermediateDirectories: true)
        for (name, title) in [("a.md", "Keys"), ("a.fr.md", "Clés")] {
            try "---\ntitle: \(title)\nrules: [recovery-key-first]\n---\n\nText.\n".write(
                to: folder.appendingPathComponent("guides/\(name)"), atomically: true, encoding: .utf8)
        }
        let citations = try RuleCitationFinder.citations(inContentFolder: folder.path).sorted { $0.article < $1.article }
        #expect(citations.map(\.title) == ["Clés", "Keys"])
        #expect(citations[0].language == "fr" && citations[0].source == folder.path + "/guides/a.md")
        #expect(citations[1].language == nil && citations[1].source == citations[1].article)
    }

    static let vocabularyText = """
        labels:
          screen: [Manage your account]
          message: [Backup method not set up]
        starting:
          email: You sign in with {value}.
          two_factor.text: 2FA texts your codes to {value}.
          backup.none: You have no backup method.
        actions:
          set_up_backup.phone: You enter {value} as your backup phone number.
          open_account_management: You open Account Management.
        results:
          set_up_backup.phone: "{value} is saved."
          rejected.distinct-from-account.two-factor-phone: Not accepted, because {value} gets your 2FA codes; nothing changes.
          banner.hidden: No banner is shown.
        diagram:
          set_up_2fa: Set up 2FA
        """

    @Test func vocabularyReadsLabelsAndSentences() {
        let (vocabulary, diagnostics) = ProductVocabulary.parse(Self.vocabularyText, path: "policy/vocabulary.yaml")
        #expect(diagnostics.isEmpty)
        #expect(vocabulary.labels.map(\.text) == ["Manage your account", "Backup method not set up"])
        #expect(vocabulary.actions["set_up_backup.phone"] == "You enter {value} as your backup phone number.")
        #expect(vocabulary.starting["backup.none"] == "You have no backup method.")
        #expect(vocabulary.diagram["set_up_2fa"] == "Set up 2FA")
    }

    @Test func badVocabularyIsReportedWithAPosition() {
        let (_, diagnostics) = ProductVocabulary.parse("labels: [oops]\nwords: 1\n", path: "v.yaml")
        #expect(diagnostics.map(\.location.line) == [1, 2])
        #expect(diagnostics.map(\.severity) == [.error, .warning])
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
        #expect(example.unwritten.isEmpty)
        #expect(example.starting == ["You sign in with jane@example.com.", "2FA texts your codes to +44 7700 900123.", "You have no backup method."])
        #expect(
            example.steps.map(\.action) == [
                "You enter 07700 900123 as your backup phone number.", "You enter 07700 900456 as your backup phone number.", "You open Account Management.",
            ])
        #expect(example.steps[0].result == "Not accepted, because 07700 900123 gets your 2FA codes; nothing changes.")
        #expect(example.steps[0].ruleID == "distinct-from-account")
        #expect(example.steps[1].result == "07700 900456 is saved.")
        #expect(example.steps[2].result == "No banner is shown.")
        #expect(policy.rules.count == 12)
        #expect(policy.rules.filter(\.isDerived).map(\.id) == ["two-factor-required", "valid-contact", "recovery-key-first"])
        #expect(policy.diagram.states.count == 6)
        #expect(!policy.diagram.transitions.isEmpty)
    }

    @Test func aSentenceMissingFromTheVocabularyIsRecordedNotMadeUp() throws {
        let scenario = """
            scenarios:
              - name: Email
                given:
                  two_factor: {method: app}
                when:
                  - set_up_backup: {email: jane@example.org}
                    expect: done
            """
        let catalogue = ScenarioCatalogue(sources: [ScenarioSource(path: "scenarios/test.yaml", text: scenario)])
        let (vocabulary, _) = ProductVocabulary.parse(Self.vocabularyText, path: "v.yaml")
        let policy = SitePolicyLoader.make(document: try Self.projectDocument(), catalogue: catalogue, vocabulary: vocabulary)
        let example = try #require(policy.examples["Email"])
        #expect(example.unwritten == ["starting.two_factor.app", "actions.set_up_backup.email", "results.set_up_backup.email"])
        #expect(!example.steps[0].action.contains("set_up_backup"))
    }

    static func projectDocument() throws -> PolicyDocument {
        try PolicyFileReader(path: "policy/backup-policy.yaml").readDocument(Array(try projectFile("policy/backup-policy.yaml")))
    }

    static func projectFile(_ path: String) throws -> Data {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try Data(contentsOf: root.appendingPathComponent(path))
    }
}
