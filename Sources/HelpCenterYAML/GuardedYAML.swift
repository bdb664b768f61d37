import HelpCenterDiagnostics
import Yams

/// The one way this program turns YAML text into a document: every text goes through the
/// same checks, whichever file it came from (scenarios, front matter, the site configuration,
/// the policy and the vocabulary).
///
/// 1. `YAMLTextDecoder` (for bytes): size, binary data, UTF-8.
/// 2. `YAMLStructureScan`: nesting depth and complex keys, before libyaml sees the text.
/// 3. Yams composes the document. Aliases are shared there, not copied, so composing is cheap.
/// 4. The composed document is counted as its readers will walk it, every alias expanded,
///    and refused as soon as the count passes the budget, so no reader ever walks a bomb.
public enum GuardedYAML {
    /// Decodes bytes and composes them; see `compose(_:limits:)`.
    public static func compose(bytes: [UInt8], limits: YAMLInputLimits) throws(YAMLInputProblem) -> Node? {
        try compose(YAMLTextDecoder(limits: limits).decode(bytes), limits: limits)
    }

    /// Composes `text` (a whole file, or front matter: positions are then relative to its
    /// first line). Throws the first problem, with its position.
    public static func compose(_ text: String, limits: YAMLInputLimits) throws(YAMLInputProblem) -> Node? {
        try checkSizeAndStructure(text, limits: limits)
        let root: Node?
        do {
            // Values are typed by the readers, so Yams need not resolve tags (its regular
            // expressions are slow).
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch {
            throw YAMLInputProblem(yamlError: error, text: text).clamped(to: text)
        }
        if let root {
            try checkExpandedSize(of: root, budget: limits.nodeBudget(forTextOf: text.utf8.count), kind: limits.kind)
        }
        return root
    }

    /// Decodes bytes and parses them into a flat document; see `parse(_:limits:)`.
    public static func parse(bytes: [UInt8], limits: YAMLInputLimits) throws(YAMLInputProblem) -> YAMLDocument? {
        try parse(YAMLTextDecoder(limits: limits).decode(bytes), limits: limits)
    }

    /// Parses `text` into a ``YAMLDocument`` (`nil` when it holds no document) through the
    /// same checks as `compose`, with the alias budget applied while the tree is built. The
    /// fast path, for scenario files. With `keepingRepeatedKeys`, a map that repeats a key is
    /// kept as written, for a reader that reports each repeat itself (`YAMLDocument`).
    public static func parse(
        _ text: String, limits: YAMLInputLimits, firstLine: Int = 1, keepingRepeatedKeys: Bool = false
    ) throws(YAMLInputProblem) -> YAMLDocument? {
        try checkSizeAndStructure(text, limits: limits)
        let document: YAMLDocument
        do throws(YAMLInputProblem) {
            document = try YAMLDocument(
                parsing: text, budget: limits.nodeBudget(forTextOf: text.utf8.count), kind: limits.kind, firstLine: firstLine,
                keepingRepeatedKeys: keepingRepeatedKeys)
        } catch {
            throw error.clamped(to: text, firstLine: firstLine)
        }
        return document.root == nil ? nil : document
    }

    /// Steps 1 and 2 for a text: its size, then the structure scan.
    private static func checkSizeAndStructure(_ text: String, limits: YAMLInputLimits) throws(YAMLInputProblem) {
        if text.utf8.count > limits.maximumSize {
            throw YAMLInputProblem(
                "\(text.utf8.count) bytes of YAML; \(limits.kind.plural) are limited to \(limits.maximumSize) bytes\(limits.kind.splitAdvice)")
        }
        try YAMLStructureScan(maximumNesting: limits.maximumNesting, kind: limits.kind).check(text)
    }

    /// Counts the document's values as a reader would meet them (an alias counts for the
    /// whole value it stands for), iteratively, stopping at the budget.
    static func checkExpandedSize(of root: Node, budget: Int, kind: YAMLDocumentKind) throws(YAMLInputProblem) {
        var pending: [Node] = [root]
        var count = 0
        while let node = pending.popLast() {
            count += 1
            if count > budget {
                let mark = node.mark
                throw YAMLInputProblem(
                    "the YAML expands to more than \(budget) values once its aliases (*name) are expanded (an alias bomb); \(kind.plural) do not need aliases that refer to other aliases",
                    line: mark?.line ?? 1, column: mark?.column ?? 1)
            }
            switch node {
            case .scalar, .alias: break
            case .sequence(let sequence): pending.append(contentsOf: sequence)
            case .mapping(let mapping):
                for (key, value) in mapping {
                    pending.append(key)
                    pending.append(value)
                }
            }
        }
    }
}

/// The YAML guard's own readings of a problem (libyaml's errors and their positions).
extension YAMLInputProblem {
    /// The same problem, moved back onto the text's last line when libyaml puts it past the end
    /// (it does for an error at the end of a text without a final line break; found by fuzzing).
    func clamped(to text: String, firstLine: Int = 1) -> YAMLInputProblem {
        var lines = 1
        var lastLineLength = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                lines += 1
                lastLineLength = 0
            } else {
                lastLineLength += 1
            }
        }
        let lastLine = firstLine - 1 + lines
        guard line > lastLine else { return self }
        return YAMLInputProblem(message, line: lastLine, column: lastLineLength + 1)
    }

    /// The YAML parser's error as a problem at the position it names, worded for writers; a
    /// quote left open in `text` is reported where it opens (`YAMLErrorReading`).
    public init(yamlError error: any Error, text: String) {
        guard let yamlError = error as? YamlError else {
            self.init("invalid YAML: \(error)")
            return
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let reading = YAMLErrorReading(
                problem: problem, context: context?.text, contextMark: context.map { ($0.mark.line, $0.mark.column) },
                problemMark: (mark.line, mark.column), text: Array(text.utf8))
            if let explained = reading.explained() {
                self = explained
                return
            }
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text))" }
            self.init(message, line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            self.init("invalid YAML: the key \(keys) appears more than once in the same map", line: context.mark.line, column: context.mark.column)
        case .reader(let problem, _, _, _):
            self.init("invalid YAML: \(problem)")
        default:
            self.init("invalid YAML: \(yamlError)")
        }
    }
}
