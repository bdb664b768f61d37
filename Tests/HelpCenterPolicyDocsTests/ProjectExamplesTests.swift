import BackupPolicy
import Foundation
import Testing

@testable import HelpCenterPolicyDocs
@testable import HelpCenterSite

/// Every scenario of the project told with the project's vocabulary, as an article would
/// embed it: in plain sentences, with something a reader sees after every step.
@Suite("The project's worked examples")
struct ProjectExamplesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func projectPolicy() throws -> SitePolicy {
        let paths = SitePolicyLoader.Paths(
            wording: root.appendingPathComponent("policy/backup-policy.yaml").path,
            vocabulary: root.appendingPathComponent("policy/vocabulary.yaml").path,
            scenarios: [root.appendingPathComponent("scenarios").path], projectFolder: root.path)
        let (policy, diagnostics) = try SitePolicyLoader.load(paths)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        return try #require(policy)
    }

    @Test func everyScenarioCanBeToldInTheVocabularysWordsWithoutMachinery() throws {
        let policy = try Self.projectPolicy()
        // Names with an underscore are code; `recover` and `reauthenticate` are also words.
        let actionNames = ActionName.allCases.map(\.rawValue).filter { $0.contains("_") }
        #expect(actionNames.count >= 8)
        #expect(policy.examples.count > 30)
        for example in policy.examples.values where example.passed {
            #expect(example.unwritten.isEmpty, "\(example.name) needs \(example.unwritten)")
            let sentences = example.starting + example.steps.flatMap { [$0.action, $0.result] }
            for sentence in sentences {
                #expect(!sentence.isEmpty, "\(example.name): an empty sentence")
                #expect(!sentence.contains("{") && !sentence.contains("}"), "\(example.name): \(sentence)")
                #expect(!sentence.contains("_"), "\(example.name): \(sentence)")
                #expect(actionNames.allSatisfy { !sentence.contains($0) }, "\(example.name): \(sentence)")
                #expect(sentence.last.map { ".!?".contains($0) } == true, "\(example.name): not a sentence: \(sentence)")
            }
            // "Done." says nothing: every step says what the person then sees or what changed.
            #expect(example.steps.allSatisfy { $0.result != "Done." && $0.result.count > 20 }, "\(example.name)")
        }
    }

    @Test func changingTheBackupToTheSameNumberWrittenDifferentlySaysNothingChanges() throws {
        let policy = try Self.projectPolicy()
        let example = try #require(policy.examples["Change the backup from a phone number to an email address and back"])
        #expect(example.starting.contains("Your backup method is the phone number 07700 900456."))
        #expect(example.steps.map(\.action).last == "You change your backup method to the phone number 07700 900789.")
        #expect(example.steps[2].result == "Your backup method is now the phone number +44 7700 900789; it replaces the one you had.")
        #expect(example.steps[3].result == "07700 900789 is your backup phone number already, only written differently, so nothing changes.")
        #expect(example.steps[0].result == "You land on the Select a backup method page.")
    }

    /// A scenario's value reaches the page as written: only the vocabulary's words are typeset
    /// (an address with `'` and `--` was given curly quotes and a dash: session 25's review).
    @Test func valuesAreFilledInAfterTheWordsAreTypeset() {
        #expect(
            VocabularySentences.fill("You can't use {value} -- not yet.", value: "o'brien--jane@example.org")
                == "You can’t use o'brien--jane@example.org – not yet.")
    }

    /// The site's words have the articles' curly apostrophes (the YAML's are straight), and
    /// examples are still found by their scenarios' names, which keep theirs.
    @Test func rejectionsSayWhyInTheReadersTerms() throws {
        let policy = try Self.projectPolicy()
        let texts = try #require(policy.examples["A backup phone can't be the number that 2FA texts"])
        #expect(texts.starting.contains("2FA is on, and your codes come by text message to +44 7700 900123."))
        #expect(texts.steps[0].result == "This isn’t accepted, because 07700 900123 is the number your 2FA codes go to; nothing changes.")
        let inbox = try #require(policy.examples["A backup email can't reach the sign-in inbox"])
        #expect(inbox.steps[0].result == "This isn’t accepted, because Jane+2FA@Example.com reaches the inbox you sign in with; nothing changes.")
        let accountPhone = try #require(policy.examples["A backup phone can't be the account's phone number, however it is written"])
        #expect(accountPhone.steps[0].result.contains("is a phone number your Sage account already has"))
        let stale = try #require(policy.examples["A stale session signs in again before managing the backup method"])
        #expect(stale.starting.contains("You last signed in a while ago."))
        #expect(stale.steps[0].result == "You’re asked to sign in and confirm it’s you with 2FA first; nothing changes yet.")
    }

    /// The rules page's diagram, from the real policy: no arrow runs through a box (the arrow
    /// from "no backup" to "email" used to cross the "phone" box), no label covers a box or
    /// another label, everything inside the drawing, and the labels are words.
    /// A French page showed its worked examples under the scenario's English name. The title
    /// comes from the language's vocabulary (`examples:`); one it lacks can't be shown (the
    /// build's error names the key), while English keeps the scenario's name.
    @Test func workedExamplesAreTitledInThePagesLanguage() throws {
        let english = try Self.projectPolicy()
        let french = try #require(english.translations["fr"])
        let banner = "The banner shows until a backup method is set up"
        #expect(english.examples[banner]?.title == banner)
        #expect(french.examples[banner]?.title == "Le bandeau reste affiché tant qu’aucune méthode de secours n’est configurée")
        #expect(french.examples[banner]?.unwritten.isEmpty == true)
        let untitled = try #require(french.examples.values.first { $0.unwritten.contains("examples.\"\($0.name)\"") })
        #expect(english.examples[untitled.name]?.unwritten.isEmpty == true)
    }

    /// In each language: French state names are longer ("Aucune méthode de secours" ran past
    /// its 200 px box), so the boxes widen to the longest.
    @Test(arguments: ["en", "fr"])
    func theDiagramHasNoArrowThroughABoxAndNoOverlappingLabels(language: String) throws {
        let english = try Self.projectPolicy()
        let policy = language == "en" ? english : try #require(english.translations[language])
        let layout = StateDiagramLayout(policy.diagram)
        let longest = layout.boxes.flatMap(\.lines).map(\.count).max() ?? 0
        #expect(layout.boxes.allSatisfy { $0.rect.width >= Double(longest) * StateDiagramLayout.stateCharacterWidth })
        #expect(layout.boxes.allSatisfy { $0.rect.width == (language == "en" ? 200 : 239) })
        #expect(layout.boxes.count == 6)
        #expect(layout.arrows.count == 9)
        let canvas = StateDiagramLayout.Rect(x: 0, y: 0, width: layout.width, height: layout.height)
        for arrow in layout.arrows {
            for box in layout.boxes {
                #expect(arrow.samples().allSatisfy { !box.rect.contains($0) }, "\(arrow.from) → \(arrow.to) crosses \(box.id)")
                #expect(!arrow.label.bounds.intersects(box.rect), "the label \(arrow.label.lines) covers \(box.id)")
            }
            for other in layout.arrows where other.from != arrow.from || other.to != arrow.to {
                #expect(!arrow.label.bounds.intersects(other.label.bounds), "\(arrow.label.lines) overlaps \(other.label.lines)")
            }
            let bounds = arrow.label.bounds
            #expect(bounds.x >= 0 && bounds.y >= 0 && bounds.x + bounds.width <= canvas.width && bounds.y + bounds.height <= canvas.height)
        }
        let labels = layout.arrows.flatMap(\.label.lines) + layout.boxes.flatMap(\.lines)
        #expect(labels.allSatisfy { !$0.contains("_") })
        #expect(layout.arrows.contains { $0.from == "none-2fa-on" && $0.to == "email-2fa-on" && $0.points.count == 4 })
    }
}
