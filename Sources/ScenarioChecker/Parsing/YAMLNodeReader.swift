import HelpCenterDiagnostics
import HelpCenterYAML

/// Reads Yams nodes into plain values, recording a scenario error (with the node's line and
/// column) for every node of the wrong shape, and counting the nodes it visits against a
/// budget so that an alias bomb stops with an error instead of expanding without bound.
struct YAMLNodeReader {
    let path: String
    private(set) var findings: [ScenarioFinding] = []
    /// The scenario being read, named in findings.
    var scenario: String?
    private var nodesLeft: Int
    /// Whether the node budget ran out; readers stop as soon as it does.
    private(set) var exhausted = false
    /// How many repeated keys `map` has reported (a scenario holding one is not replayed).
    private(set) var repeatedKeys = 0

    init(path: String, nodeBudget: Int) {
        self.path = path
        self.nodesLeft = nodeBudget
    }

    /// A key and its value in a YAML map, with the key's text.
    struct Entry {
        var key: String
        var keyNode: YAMLNode
        var value: YAMLNode
    }

    func location(_ node: YAMLNode) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(path: path, line: mark.line, column: mark.column)
    }

    mutating func error(_ message: String, at node: YAMLNode) {
        error(message, at: location(node))
    }

    mutating func error(_ message: String, at location: SourceLocation) {
        findings.append(.scenarioError(message, at: location, scenario: scenario))
    }

    mutating func warning(_ message: String, at location: SourceLocation) {
        findings.append(.warning(message, at: location, scenario: scenario))
    }

    /// Removes and returns the findings recorded since `mark` (a count of findings), so
    /// that a scenario's reading errors travel with the scenario.
    mutating func takeFindings(since mark: Int) -> [ScenarioFinding] {
        let taken = Array(findings[mark...])
        findings.removeSubrange(mark...)
        return taken
    }

    /// Counts one node against the budget; `false` (after one error) once it is spent.
    mutating func visit(_ node: YAMLNode) -> Bool {
        if exhausted { return false }
        nodesLeft -= 1
        if nodesLeft >= 0 { return true }
        exhausted = true
        error("the file expands to more YAML nodes than its size allows (aliases repeated inside aliases, an 'alias bomb'); reading stops here", at: node)
        return false
    }

    /// How a node looks, for messages: `a map`, `a list`, `nothing`, or the text quoted.
    static func describe(_ node: YAMLNode) -> String {
        switch node {
        case .mapping: return "a map"
        case .sequence: return "a list"
        case .scalar(let scalar):
            if node.isNull { return "nothing" }
            let text = scalar.string
            return text.count > 60 ? "'\(text.prefix(57))...'" : "'\(text)'"
        }
    }

    /// The node's text, or `nil` (after an error) when it is not a non-empty scalar.
    mutating func text(_ node: YAMLNode, _ what: String) -> String? {
        guard visit(node) else { return nil }
        guard case .scalar(let scalar) = node, !node.isNull else {
            error("expected \(what), found \(Self.describe(node))", at: node)
            return nil
        }
        return scalar.string
    }

    /// The node's entries, or `nil` (after an error) when it is not a map. Keys must be text;
    /// a key written twice is an error at the second, whose value is left out (the document
    /// keeps repeated keys for this: the rest of the file is still read and checked).
    mutating func map(_ node: YAMLNode, _ what: String) -> [Entry]? {
        guard visit(node) else { return nil }
        guard case .mapping(let mapping) = node else {
            error("expected \(what) (a map), found \(Self.describe(node))", at: node)
            return nil
        }
        var entries: [Entry] = []
        entries.reserveCapacity(mapping.count)
        // Small maps (nearly all) are searched; a large one is indexed, so a map of many keys
        // is not read in quadratic time.
        var index: [String: Int]? = mapping.count > 16 ? [:] : nil
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                error("expected a text key in \(what), found \(Self.describe(key))", at: key)
                continue
            }
            let earlier: Int? = if let index { index[scalar.string] } else { entries.firstIndex { $0.key == scalar.string } }
            if let earlier {
                repeatedKeys += 1
                error(
                    "the key '\(scalar.string)' appears twice in \(what) (first at line \(entries[earlier].keyNode.mark.line)); keep one of them",
                    at: key)
                continue
            }
            index?[scalar.string] = entries.count
            entries.append(Entry(key: scalar.string, keyNode: key, value: value))
        }
        return entries
    }

    /// The node's items, or `nil` (after an error) when it is not a list.
    mutating func list(_ node: YAMLNode, _ what: String) -> [YAMLNode]? {
        guard visit(node) else { return nil }
        guard case .sequence(let sequence) = node else {
            error("expected \(what) (a list), found \(Self.describe(node))", at: node)
            return nil
        }
        return Array(sequence)
    }

    /// One of an enumeration's spellings, or `nil` (after an error naming them all).
    mutating func choice<Value: RawRepresentable & CaseIterable>(_ node: YAMLNode, _ what: String, as type: Value.Type) -> Value?
    where Value.RawValue == String {
        guard visit(node) else { return nil }
        let allowed = { Value.allCases.map(\.rawValue).joined(separator: " or ") }
        guard case .scalar(let scalar) = node, !node.isNull else {
            error("expected \(what) (\(allowed())), found \(Self.describe(node))", at: node)
            return nil
        }
        guard let value = Value(rawValue: scalar.string) else {
            error(
                "unknown \(what) '\(scalar.string)'\(EditDistance.didYouMean(scalar.string, among: Value.allCases.map(\.rawValue))); expected \(allowed())",
                at: node)
            return nil
        }
        return value
    }

    /// Reports an unknown key in a map, naming the keys allowed there (and the likely one).
    mutating func unknownKey(_ entry: Entry, in what: String, allowed: [String]) {
        error(
            "unknown field '\(entry.key)' in \(what)\(EditDistance.didYouMean(entry.key, among: allowed)); allowed: \(allowed.joined(separator: ", "))",
            at: entry.keyNode)
    }
}
