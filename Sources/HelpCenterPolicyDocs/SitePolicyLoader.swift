import BackupPolicy
import Foundation
import HelpCenterDiagnostics
import HelpCenterSite
import ScenarioChecker

/// Loads what the site needs of the policy: the rule wording (`policy/backup-policy.yaml`),
/// the product vocabulary (`policy/vocabulary.yaml`) and the scenario catalogue (`scenarios/`).
public enum SitePolicyLoader {
    public struct Paths: Sendable {
        public var wording: String
        public var vocabulary: String
        public var scenarios: [String]

        public init(wording: String = "policy/backup-policy.yaml", vocabulary: String = "policy/vocabulary.yaml", scenarios: [String] = ["scenarios"]) {
            self.wording = wording
            self.vocabulary = vocabulary
            self.scenarios = scenarios
        }
    }

    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Reads the files; returns nil when the project has no policy file. A policy or scenario
    /// folder that exists but can't be used is a thrown error; vocabulary problems are diagnostics.
    public static func load(_ paths: Paths) throws -> (SitePolicy?, [Diagnostic]) {
        guard let policyBytes = FileManager.default.contents(atPath: paths.wording) else { return (nil, []) }
        let document: PolicyDocument
        do {
            document = try PolicyFileReader(path: paths.wording).readDocument(Array(policyBytes))
        } catch {
            throw LoadError(description: "cannot use \(paths.wording):\n\(error.description)")
        }
        var diagnostics: [Diagnostic] = []
        var vocabulary = ProductVocabulary()
        if let data = FileManager.default.contents(atPath: paths.vocabulary) {
            let (parsed, problems) = ProductVocabulary.parse(String(decoding: data, as: UTF8.self), path: paths.vocabulary)
            vocabulary = parsed
            diagnostics += problems
        }
        let existing = paths.scenarios.filter { FileManager.default.fileExists(atPath: $0) }
        let catalogue: ScenarioCatalogue
        do {
            catalogue = try ScenarioCatalogue.load(existing, policy: BackupPolicy(parameters: document.wording.parameters))
        } catch {
            throw LoadError(description: "cannot read the scenarios: \(error)")
        }
        return (make(document: document, catalogue: catalogue, vocabulary: vocabulary), diagnostics)
    }

    /// Builds the site's view of the policy from loaded parts (no file access).
    public static func make(document: PolicyDocument, catalogue: ScenarioCatalogue, vocabulary: ProductVocabulary) -> SitePolicy {
        let coverage = catalogue.policyMatrix(document: document)
        func reference(_ scenario: ScenarioChecker.ScenarioReference) -> SitePolicy.ScenarioReference {
            SitePolicy.ScenarioReference(name: scenario.name, location: scenario.location)
        }
        let rules = document.wording.rules.map { wording in
            let row = coverage.coverage(of: wording.id)
            return SitePolicy.Rule(
                id: wording.id.rawValue, title: wording.title, sentence: wording.sentence,
                changed: HelpDate(parsing: wording.changed),
                deciding: row?.decidingScenarios.map(reference) ?? [], allowing: row?.allowingScenarios.map(reference) ?? [])
        }
        let narrator = ExampleNarrator(vocabulary: vocabulary, wording: document.wording)
        var examples: [String: SitePolicy.Example] = [:]
        for name in catalogue.names {
            if let example = try? catalogue.example(named: name) { examples[name] = narrator.narrate(example) }
        }
        let graph = catalogue.stateGraph
        let states = graph.nodes.map { node in
            SitePolicy.StateDiagram.State(
                id: node.id, label: "Backup: \(node.backup.rawValue)\n2FA \(node.twoFactor ? "on" : "off")",
                column: BackupMethodKind.allCases.firstIndex(of: node.backup) ?? 0, row: node.twoFactor ? 1 : 0)
        }
        let transitions = graph.transitions.filter(\.changesState).map { transition in
            SitePolicy.StateDiagram.Transition(from: transition.from, to: transition.to, label: transition.action.rawValue)
        }
        return SitePolicy(
            rules: rules, examples: examples, labels: vocabulary.labels.map { SitePolicy.Label(text: $0.text, kind: $0.kind) },
            diagram: SitePolicy.StateDiagram(states: states, transitions: transitions), wordingPath: document.path)
    }
}
