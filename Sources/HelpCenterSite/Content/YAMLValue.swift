import HelpCenterDiagnostics
import HelpCenterYAML
import Yams

/// A YAML value with its file position, as the typed readers see it (Yams' nodes are converted
/// once; simple front matter is read without Yams, see `SimpleYAMLReader`).
indirect enum YAMLValue: Sendable, Equatable {
    /// `plain` is false for quoted or block scalars (so `"null"` stays text).
    case scalar(String, plain: Bool, at: SourceLocation)
    case sequence([YAMLValue], at: SourceLocation)
    case mapping([YAMLEntry], at: SourceLocation)
    /// A YAML alias (`*name`); front matter and configuration do not use them.
    case alias(at: SourceLocation)

    var location: SourceLocation {
        switch self {
        case .scalar(_, _, let location), .sequence(_, let location), .mapping(_, let location), .alias(let location):
            location
        }
    }

    var kindName: String {
        switch self {
        case .scalar: "a single value"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    var scalarText: String? {
        if case .scalar(let text, _, _) = self { return text }
        return nil
    }

    var isNull: Bool {
        guard case .scalar(let text, true, _) = self else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// Parses with Yams through the program's YAML guard (no tag resolution: the typed
    /// readers interpret scalars themselves). The guard bounds nesting, so the recursive
    /// conversion below stays shallow, and alias expansion, so it stays small.
    static func parseWithYams(_ yaml: String, path: String, firstLine: Int, limits: YAMLInputLimits = .frontMatter) throws(YAMLInputProblem) -> YAMLValue? {
        try GuardedYAML.compose(yaml, limits: limits).map { YAMLValue($0, path: path, firstLine: firstLine) }
    }

    /// Converts a Yams node; `firstLine` is the file line on which the YAML text starts.
    init(_ node: Node, path: String, firstLine: Int) {
        let location =
            node.mark.map { SourceLocation(path: path, line: firstLine - 1 + $0.line, column: $0.column) }
            ?? SourceLocation(path: path, line: firstLine, column: 1)
        switch node {
        case .scalar(let scalar):
            self = .scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any, at: location)
        case .sequence(let sequence):
            self = .sequence(sequence.map { YAMLValue($0, path: path, firstLine: firstLine) }, at: location)
        case .mapping(let mapping):
            self = .mapping(
                mapping.map {
                    YAMLEntry(key: YAMLValue($0.key, path: path, firstLine: firstLine), value: YAMLValue($0.value, path: path, firstLine: firstLine))
                }, at: location)
        case .alias:
            self = .alias(at: location)
        }
    }
}

struct YAMLEntry: Sendable, Equatable {
    var key: YAMLValue
    var value: YAMLValue
}
