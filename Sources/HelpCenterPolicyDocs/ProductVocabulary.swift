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

    /// The sections of the file, each mapping keys to sentences.
    static let sentenceSections = ["starting", "actions", "results", "diagram"]

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.labels.map(\.text) == rhs.labels.map(\.text) && lhs.labels.map(\.kind) == rhs.labels.map(\.kind)
            && lhs.starting == rhs.starting && lhs.actions == rhs.actions && lhs.results == rhs.results && lhs.diagram == rhs.diagram
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
    public static func parse(_ text: String, path: String) -> (ProductVocabulary, [Diagnostic]) {
        var vocabulary = ProductVocabulary()
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
            default:
                diagnostics.append(
                    .warning(
                        "unknown key '\(key.scalar?.string ?? "?")' (known: labels, starting, actions, results, diagram)", at: location(key), id: "vocabulary"))
            }
        }
        return (vocabulary, diagnostics)
    }
}
