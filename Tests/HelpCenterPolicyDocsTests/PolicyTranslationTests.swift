import BackupPolicy
import Foundation
import HelpCenterDiagnostics
import ScenarioChecker
import Testing

@testable import HelpCenterPolicyDocs
@testable import HelpCenterSite

/// The policy in another language (`policy/vocabulary.fr.yaml`, docs/languages.md): rule
/// wording, labels and example sentences, and the errors a page gets when one is missing.
@Suite("Policy in other languages")
struct PolicyTranslationTests {
    static let french = """
        labels:
          screen: { "Manage your account": "Gérer votre compte" }
        rules:
          one-method: { title: "Une seule méthode de secours", sentence: "Vous pouvez avoir un numéro de téléphone ou une adresse e-mail de secours, pas les deux." }
        starting:
          backup.none: Vous n’avez pas de méthode de secours.
        """

    @Test func aTranslatedVocabularyMapsLabelsAndWordsRules() {
        let (vocabulary, diagnostics) = ProductVocabulary.parse(Self.french, path: "policy/vocabulary.fr.yaml", translation: true)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(vocabulary.labels.map(\.text) == ["Gérer votre compte"])
        #expect(vocabulary.labelSources["Gérer votre compte"] == "Manage your account")
        #expect(vocabulary.rules["one-method"]?.title == "Une seule méthode de secours")
        #expect(vocabulary.starting["backup.none"] == "Vous n’avez pas de méthode de secours.")
        // `rules:` belongs to another language's file only.
        let (_, english) = ProductVocabulary.parse(Self.french, path: "policy/vocabulary.yaml")
        #expect(english.contains { $0.message.contains("unknown key 'rules'") })
    }

    /// A label translating no English label, or a rule the policy lacks: a warning at its own
    /// line (it was at 1:1), with the closest name.
    @Test func aTranslationOfNothingIsWarnedAboutAtItsEntry() {
        let text = """
            labels:
              screen: { "Manage your account": "Gérer votre compte" }
              button: { "Manage your acount": "Gérer le compte" }
            rules:
              one-method: { title: "T", sentence: "S." }
              one-methods: { title: "T", sentence: "S." }
            """
        let english = ProductVocabulary(labels: [("Manage your account", "screen")])
        let (vocabulary, diagnostics) = ProductVocabulary.parse(text, path: "policy/vocabulary.fr.yaml", translation: true)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let warnings = vocabulary.checkTranslation(of: english, rules: ["one-method"], path: "policy/vocabulary.fr.yaml")
        let described = warnings.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(
            described == [
                "3:13 the label 'Gérer le compte' translates 'Manage your acount', which is not a label of policy/vocabulary.yaml (did you mean 'Manage your account'?)",
                "6:3 'rules' names 'one-methods', which is not a rule of the policy (did you mean 'one-method'?)",
            ], "\(described)")
    }

    /// A temporary project with the real policy and scenarios and the French vocabulary.
    static func project(french: String?) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("helpcenter-languages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("policy"), withIntermediateDirectories: true)
        for file in ["policy/backup-policy.yaml", "policy/vocabulary.yaml"] {
            try PolicyDocsTests.projectFile(file).write(to: root.appendingPathComponent(file))
        }
        if let french { try Data(french.utf8).write(to: root.appendingPathComponent("policy/vocabulary.fr.yaml")) }
        return root
    }

    static func load(_ root: URL) throws -> (SitePolicy?, [String: SitePolicy], [Diagnostic]) {
        let paths = SitePolicyLoader.Paths(
            wording: root.appendingPathComponent("policy/backup-policy.yaml").path, vocabulary: root.appendingPathComponent("policy/vocabulary.yaml").path,
            scenarios: [root.appendingPathComponent("scenarios").path])
        return try SitePolicyLoader.load(paths, languageKeys: ["fr"])
    }

    @Test func theLoaderGivesEachLanguageItsPolicy() throws {
        let root = try Self.project(french: Self.french)
        defer { try? FileManager.default.removeItem(at: root) }
        let (policy, translated, diagnostics) = try Self.load(root)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        let french = try #require(translated["fr"])
        #expect(french.rule("one-method")?.title == "Une seule méthode de secours")
        #expect(french.rule("one-method")?.changed == policy?.rule("one-method")?.changed)
        #expect(french.untranslatedRules.contains("distinct-from-account") && !french.untranslatedRules.contains("one-method"))
        #expect(french.labels["Gérer votre compte"] != nil && french.labels["Manage your account"] == nil)
        #expect(french.sourceLabels["Manage your account"] == "Gérer votre compte")
        #expect(french.vocabularyPath.hasSuffix("policy/vocabulary.fr.yaml"))
    }

    @Test func aLanguageWithoutAVocabularyHasNothingTranslated() throws {
        let root = try Self.project(french: nil)
        defer { try? FileManager.default.removeItem(at: root) }
        let (_, translated, _) = try Self.load(root)
        let french = try #require(translated["fr"])
        #expect(french.labels.isEmpty)
        #expect(french.untranslatedRules.contains("one-method"))
    }

    /// A vocabulary saved in Latin-1 was read with replacement characters and no word said.
    @Test func aVocabularyThatIsNotUTF8IsAnErrorAtItsPlace() throws {
        let root = try Self.project(french: nil)
        defer { try? FileManager.default.removeItem(at: root) }
        var latin1 = Array("labels:\n  screen:\n    \"Manage your account\": \"G".utf8)
        latin1 += [0xE9] + Array("rer votre compte\"\n".utf8)
        try Data(latin1).write(to: root.appendingPathComponent("policy/vocabulary.fr.yaml"))
        let (_, translated, diagnostics) = try Self.load(root)
        let error = try #require(diagnostics.first { $0.severity == .error && $0.message.contains("invalid UTF-8") }, "\(diagnostics)")
        #expect(error.location.path.hasSuffix("policy/vocabulary.fr.yaml"))
        #expect(error.location.line == 3)
        #expect(translated["fr"]?.labels.isEmpty == true)
    }

    @Test func aFrenchPageIsCheckedAgainstTheFrenchWords() throws {
        let root = try Self.project(french: Self.french)
        defer { try? FileManager.default.removeItem(at: root) }
        let (policy, translated, _) = try Self.load(root)
        var configuration = SiteConfiguration()
        configuration.language = "en-GB"
        configuration.primaryLanguageName = "English"
        configuration.otherLanguages = [SiteLanguage(key: "fr", tag: "fr-FR", name: "Français")]
        let english = "---\ntitle: Backup\nupdated: 2026-12-01\n---\nOpen [[Manage your account]].\n\n> [!RULE] one-method\n"
        let frenchPage = """
            ---
            title: Secours
            updated: 2026-12-01
            ---
            Ouvrez [[Gérer votre compte]], pas [[Manage your account]].

            > [!RULE] one-method

            > [!RULE] distinct-from-account
            """
        let content = InMemoryFileTree(
            ["_index.md": "---\ntitle: Help\n---\n", "c/_index.md": "---\ntitle: C\n---\n", "c/backup.md": english, "c/backup.fr.md": frenchPage],
            displayPrefix: "content/")
        var builder = SiteBuilder(configuration: configuration, content: content, templates: try Self.projectTemplates(), policy: policy)
        builder.translatedPolicies = translated
        let output = InMemorySiteOutput()
        let report = try builder.build(into: output)
        let errors: [Diagnostic] = report.diagnostics.filter { $0.severity == .error }
        let places: [String] = errors.map { "\($0.location.path):\($0.location.line):\($0.location.column) \($0.id ?? "")" }
        // The English label in the French page, at its column; the rule without French wording, at its citation.
        #expect(places == ["content/c/backup.fr.md:5:36 unknown-label", "content/c/backup.fr.md:9:1 rule-translation"], "\(errors)")
        // Left in the source's words (a translation starts as a copy): its French text is the hint.
        let label: Diagnostic? = errors.first
        #expect(
            label?.message.hasPrefix(
                "[[Manage your account]] is the label in the default language; in this page's language it is [[Gérer votre compte]] (") == true,
            "\(label?.message ?? "")")
        #expect(label?.message.hasSuffix("policy/vocabulary.fr.yaml)") == true)
    }

    /// The project's templates, read into memory.
    static func projectTemplates() throws -> InMemoryFileTree {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates")
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            files[relative] = try Data(contentsOf: url)
        }
        return InMemoryFileTree(data: files, displayPrefix: "templates/")
    }
}
