import Foundation
import HelpCenterDiagnostics
import Yams

/// Reads typed values out of a YAML mapping, collecting a diagnostic with the node's file
/// position for every value of the wrong type, every missing required key and every unknown key.
struct YAMLFieldReader {
    let path: String
    /// The file line on which the YAML text starts (front matter starts on line 2).
    let firstLine: Int
    var diagnostics: [Diagnostic] = []

    init(path: String, firstLine: Int) {
        self.path = path
        self.firstLine = firstLine
    }

    func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(path: path, line: firstLine, column: 1) }
        return SourceLocation(path: path, line: firstLine - 1 + mark.line, column: mark.column)
    }

    /// Parses YAML text into a node, or records the parser's message at its position.
    mutating func compose(_ yaml: String, what: String) -> Node? {
        do {
            return try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            let (problem, mark) = Self.describe(error)
            let location = mark.map { SourceLocation(path: path, line: firstLine - 1 + $0.line, column: $0.column) }
                ?? SourceLocation(path: path, line: firstLine, column: 1)
            diagnostics.append(.error("invalid YAML in \(what): \(problem)", at: location, id: "yaml"))
        } catch {
            diagnostics.append(.error("invalid YAML in \(what): \(error)", at: location(of: nil), id: "yaml"))
        }
        return nil
    }

    private static func describe(_ error: YamlError) -> (String, Mark?) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let prefix = context.map { "\($0.text): " } ?? ""
            return (prefix + problem, mark)
        case .reader(let problem, _, _, _):
            return (problem, nil)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ("duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) \(context.text)", context.mark)
        default:
            return ("\(error)", nil)
        }
    }

    /// The mapping's fields by key. Unknown keys are warnings; a non-mapping is an error.
    mutating func fields(of root: Node?, known: [String], what: String) -> [String: (key: Node, value: Node)] {
        guard let root else { return [:] }
        guard case .mapping(let mapping) = root else {
            diagnostics.append(.error("\(what) must be a mapping of keys to values, found \(Self.kindName(root))", at: location(of: root)))
            return [:]
        }
        var result: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                diagnostics.append(.error("\(what) keys must be plain names", at: location(of: key)))
                continue
            }
            if result[name] != nil {
                diagnostics.append(.error("duplicate key '\(name)' in \(what)", at: location(of: key)))
                continue
            }
            if !known.contains(name) {
                let hint = Self.closest(to: name, in: known).map { " (did you mean '\($0)'?)" } ?? ""
                diagnostics.append(.warning(
                    "unknown key '\(name)' in \(what)\(hint); known keys: \(known.joined(separator: ", "))",
                    at: location(of: key), id: "unknown-key"))
            }
            result[name] = (key, value)
        }
        return result
    }

    static func kindName(_ node: Node) -> String {
        switch node {
        case .scalar: "a single value"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    private static func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A string value; numbers and booleans are taken as written. Null counts as absent.
    mutating func string(_ node: Node?, key: String) -> String? {
        guard let node, !Self.isNull(node) else { return nil }
        guard let scalar = node.scalar else {
            diagnostics.append(.error("'\(key)' must be text, found \(Self.kindName(node))", at: location(of: node)))
            return nil
        }
        return scalar.string
    }

    mutating func int(_ node: Node?, key: String) -> Int? {
        guard let node, !Self.isNull(node) else { return nil }
        guard let scalar = node.scalar, let value = Int(scalar.string.trimmingCharacters(in: .whitespaces)) else {
            diagnostics.append(.error("'\(key)' must be a whole number, found '\(Self.preview(node))'", at: location(of: node)))
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node?, key: String) -> Bool? {
        guard let node, !Self.isNull(node) else { return nil }
        switch node.scalar?.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            diagnostics.append(.error("'\(key)' must be true or false, found '\(Self.preview(node))'", at: location(of: node)))
            return nil
        }
    }

    mutating func date(_ node: Node?, key: String) -> HelpDate? {
        guard let node, !Self.isNull(node) else { return nil }
        guard let text = node.scalar?.string, let date = HelpDate(parsing: text) else {
            diagnostics.append(.error(
                "'\(key)' must be a date written YYYY-MM-DD, found '\(Self.preview(node))'", at: location(of: node), id: "bad-date"))
            return nil
        }
        return date
    }

    /// A list of strings; a single string is taken as a list of one.
    mutating func strings(_ node: Node?, key: String) -> [LocatedValue<String>] {
        guard let node, !Self.isNull(node) else { return [] }
        switch node {
        case .scalar(let scalar):
            return [LocatedValue(scalar.string, at: location(of: node))]
        case .sequence(let sequence):
            var values: [LocatedValue<String>] = []
            for item in sequence {
                if let scalar = item.scalar {
                    values.append(LocatedValue(scalar.string, at: location(of: item)))
                } else {
                    diagnostics.append(.error("each entry of '\(key)' must be text, found \(Self.kindName(item))", at: location(of: item)))
                }
            }
            return values
        default:
            diagnostics.append(.error("'\(key)' must be a list of text values, found \(Self.kindName(node))", at: location(of: node)))
            return []
        }
    }

    private static func preview(_ node: Node) -> String {
        let text = node.scalar?.string ?? kindName(node)
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
    }

    /// The known key nearest to a misspelt one (edit distance at most 2).
    static func closest(to name: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(name.lowercased(), $0)) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
