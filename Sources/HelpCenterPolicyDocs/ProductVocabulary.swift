import Foundation
import HelpCenterDiagnostics
import HelpCenterYAML
import Yams

/// The product's words from `policy/vocabulary.yaml`: interface labels by kind, the
/// sentences worked examples use for the starting situation, actions and results, and the
/// words of the state diagram.
public struct ProductVocabulary: Sendable, Equatable {
    /// Label text → kind (`screen`, `button`, `message`, …), in file order.
    public var labels: [(text: String, kind: String)]
    /// The starting situation's sentences (`email`, `two_factor.app`, `backup.none`…).
    public var starting: [String: String]
    public var actions: [String: String]
    public var results: [String: String]
    /// The state diagram's words: states (`backup.phone`, `two_factor.on`) and actions.
    public var diagram: [String: String]

    /// In another language's file (`vocabulary.fr.yaml`): each rule's title and sentence, by
    /// rule id, and each label's source (English) text → this language's text.
    public var rules: [String: (title: String, sentence: String)] = [:]
    public var labelSources: [String: String] = [:]
    /// Where each translated label (by its text in this language) and each rule id is written
    /// in the file, for the warnings about them.
    var labelLocations: [String: SourceLocation] = [:]
    var ruleLocations: [String: SourceLocation] = [:]
    /// Worked examples' titles, by scenario name (`examples:`). In the default language's file
    /// they are optional (the scenario's name is the title); in another language's, each example
    /// its pages show needs one, or the page would show the English name.
    public var examples: [String: String] = [:]
    /// Whether this is another language's file (`vocabulary.fr.yaml`).
    public var isTranslation = false

    /// The sections of the file, each mapping keys to sentences.
    static let sentenceSections = ["starting", "actions", "results", "diagram"]

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.labels.map(\.text) == rhs.labels.map(\.text) && lhs.labels.map(\.kind) == rhs.labels.map(\.kind)
            && lhs.starting == rhs.starting && lhs.actions == rhs.actions && lhs.results == rhs.results && lhs.diagram == rhs.diagram
            && lhs.examples == rhs.examples && lhs.isTranslation == rhs.isTranslation
    }

    public init(
        labels: [(text: String, kind: String)] = [], starting: [String: String] = [:], actions: [String: String] = [:],
        results: [String: String] = [:], diagram: [String: String] = [:]
    ) {
        self.labels = labels
        self.starting = starting
        self.actions = actions
        self.results = results
        self.diagram = diagram
    }

    /// Parses the file's text; problems are diagnostics (the file is the writers' to edit).
    public static func parse(_ text: String, path: String, translation: Bool = false) -> (ProductVocabulary, [Diagnostic]) {
        var vocabulary = ProductVocabulary()
        vocabulary.isTranslation = translation
        var diagnostics: [Diagnostic] = []
        let root: Node?
        do throws(YAMLInputProblem) {
            root = try GuardedYAML.compose(text, limits: .vocabularyFile)
        } catch {
            diagnostics.append(.error(error.message, at: error.location(in: path), id: "vocabulary"))
            return (vocabulary, diagnostics)
        }
        func location(_ node: Node) -> SourceLocation {
            SourceLocation(path: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        }
        guard case .mapping(let top)? = root else {
            diagnostics.append(
                .error("the vocabulary must be a mapping with labels, starting, actions, results and diagram", at: SourceLocation(path: path), id: "vocabulary")
            )
            return (vocabulary, diagnostics)
        }
        for (key, value) in top {
            switch key.scalar?.string {
            case "labels":
                guard case .mapping(let kinds) = value else {
                    diagnostics.append(.error("'labels' must map kinds (screen, button, message) to lists of labels", at: location(value), id: "vocabulary"))
                    continue
                }
                for (kind, list) in kinds {
                    // Another language maps each label to its own: `screen: {"Manage your account": "Gérer votre compte"}`.
                    if translation, let kindName = kind.scalar?.string, case .mapping(let pairs) = list {
                        for (source, target) in pairs {
                            guard let from = source.scalar?.string, let to = target.scalar?.string, !to.isEmpty else {
                                diagnostics.append(
                                    .error("each label must be `\"English label\": \"translated label\"`", at: location(source), id: "vocabulary"))
                                continue
                            }
                            vocabulary.labels.append((to, kindName))
                            vocabulary.labelSources[to] = from
                            vocabulary.labelLocations[to] = location(source)
                        }
                        continue
                    }
                    guard let kindName = kind.scalar?.string, case .sequence(let items) = list else {
                        diagnostics.append(.error("each kind of label must be a list of texts", at: location(list), id: "vocabulary"))
                        continue
                    }
                    for item in items {
                        guard let text = item.scalar?.string, !text.isEmpty else {
                            diagnostics.append(.error("a label must be text", at: location(item), id: "vocabulary"))
                            continue
                        }
                        vocabulary.labels.append((text, kindName))
                    }
                }
            case let section? where sentenceSections.contains(section):
                guard case .mapping(let entries) = value else {
                    diagnostics.append(.error("'\(key.scalar?.string ?? "")' must map keys to sentences", at: location(value), id: "vocabulary"))
                    continue
                }
                for (entryKey, sentence) in entries {
                    guard let name = entryKey.scalar?.string, let text = sentence.scalar?.string else {
                        diagnostics.append(.error("each entry must be `key: sentence`", at: location(entryKey), id: "vocabulary"))
                        continue
                    }
                    switch section {
                    case "starting": vocabulary.starting[name] = text
                    case "actions": vocabulary.actions[name] = text
                    case "results": vocabulary.results[name] = text
                    default: vocabulary.diagram[name] = text
                    }
                }
            case "rules" where translation:
                guard case .mapping(let rules) = value else {
                    diagnostics.append(.error("'rules' must map rule ids to { title: …, sentence: … }", at: location(value), id: "vocabulary"))
                    continue
                }
                for (id, wording) in rules {
                    guard let name = id.scalar?.string, case .mapping(let fields) = wording,
                        let title = fields["title"]?.scalar?.string, let sentence = fields["sentence"]?.scalar?.string
                    else {
                        diagnostics.append(.error("each rule must be `id: { title: …, sentence: … }`", at: location(id), id: "vocabulary"))
                        continue
                    }
                    vocabulary.rules[name] = (title, sentence)
                    vocabulary.ruleLocations[name] = location(id)
                }
            case "examples":
                guard case .mapping(let titles) = value else {
                    diagnostics.append(
                        .error("'examples' must map scenario names to the titles their worked examples show", at: location(value), id: "vocabulary"))
                    continue
                }
                for (name, title) in titles {
                    guard let scenario = name.scalar?.string, let text = title.scalar?.string, !text.isEmpty else {
                        diagnostics.append(.error("each entry must be `\"Scenario name\": title`", at: location(name), id: "vocabulary"))
                        continue
                    }
                    vocabulary.examples[scenario] = text
                }
            default:
                diagnostics.append(
                    .warning(
                        "unknown key '\(key.scalar?.string ?? "?")' (known: labels, starting, actions, results, diagram, examples\(translation ? ", rules" : ""))",
                        at: location(key), id: "vocabulary"))
            }
        }
        return (vocabulary, diagnostics)
    }

    /// A translated vocabulary compared with the default language's: labels that translate no
    /// known label and rules the policy does not have are warnings at their entries.
    func checkTranslation(of source: ProductVocabulary, rules: [String], path: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let known = Set(source.labels.map(\.text))
        for (target, from) in labelSources.sorted(by: { $0.key < $1.key }) where !known.contains(from) {
            diagnostics.append(
                .warning(
                    "the label '\(target)' translates '\(from)', which is not a label of policy/vocabulary.yaml\(EditDistance.didYouMean(from, among: source.labels.map(\.text)))",
                    at: labelLocations[target] ?? SourceLocation(path: path), id: "vocabulary"))
        }
        for id in self.rules.keys.sorted() where !rules.contains(id) {
            diagnostics.append(
                .warning(
                    "'rules' names '\(id)', which is not a rule of the policy\(EditDistance.didYouMean(id, among: rules))",
                    at: ruleLocations[id] ?? SourceLocation(path: path), id: "vocabulary"))
        }
        return diagnostics
    }
}
