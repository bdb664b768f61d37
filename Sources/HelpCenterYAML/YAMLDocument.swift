import HelpCenterDiagnostics

/// A YAML document as a flat, immutable tree, built in one pass over libyaml's events
/// (`YAMLEventParser`). Nodes live in one array and refer to their children by index, so
/// building a document makes no object per node; an alias is the index of the node it names,
/// shared, never copied. Read it through ``YAMLNode``.
///
/// While building, it refuses what no reader should walk: a value that repeats a key of its
/// map (unless the reader asks to see repeated keys, and reports them itself: the scenario
/// checker does, so that one repeated key does not hide the rest of the file), a key that is not text, an alias to an anchor not yet defined, more than one
/// document, and a tree that, with every alias expanded, would hold more values than the
/// budget allows (an alias bomb). The expanded size is summed as each collection closes,
/// so a bomb is refused in time linear in the text, without ever being walked.
public final class YAMLDocument: Sendable {
    struct Record: Sendable {
        enum Kind: UInt8, Sendable { case scalar, sequence, mapping }
        var kind: Kind
        var style: YAMLScalarStyle
        var line: Int32
        var column: Int32
        /// The node's children in `children` (a map's keys and values alternate).
        var first: Int32
        var count: Int32
        /// How many values a reader meets walking this node with every alias expanded.
        var expanded: Int
        var text: String

        var mark: YAMLMark { YAMLMark(line: Int(line), column: Int(column)) }
    }

    let records: [Record]
    let children: [Int32]
    private let rootIndex: Int?

    /// The document's root value; `nil` for a text with no document (empty, or comments only).
    public var root: YAMLNode? { rootIndex.map(node) }

    func node(_ index: Int) -> YAMLNode {
        let record = records[index]
        switch record.kind {
        case .scalar: return .scalar(YAMLScalar(string: record.text, style: record.style, mark: record.mark))
        case .sequence: return .sequence(YAMLSequence(document: self, record: index))
        case .mapping: return .mapping(YAMLMapping(document: self, record: index))
        }
    }

    /// Parses `text`, refusing it (with the first problem's position) as described above.
    /// `budget` bounds the values the expanded tree may hold; `kind` words the refusal.
    init(parsing text: String, budget: Int, kind: YAMLDocumentKind, firstLine: Int = 1, keepingRepeatedKeys: Bool = false) throws(YAMLInputProblem) {
        var builder = Builder(budget: budget, kind: kind, lineOffset: firstLine - 1, keepingRepeatedKeys: keepingRepeatedKeys)
        let parser = YAMLEventParser(text)
        try builder.run(parser)
        records = builder.records
        children = builder.children
        rootIndex = builder.root
    }

    /// Builds the records from the events, with an explicit stack (no recursion, however deep
    /// the text nests).
    private struct Builder {
        let budget: Int
        let kind: YAMLDocumentKind
        /// Added to every line: the text is a part of a file starting below its first line.
        let lineOffset: Int
        var records: [Record] = []
        var children: [Int32] = []
        var root: Int?
        /// Open collections: the record and where its children start in `pending`.
        private var open: [(record: Int, firstPending: Int)] = []
        private var pending: [Int32] = []
        private var anchors: [String: Int] = [:]

        /// Leave a repeated key in its map, for the reader to report.
        let keepingRepeatedKeys: Bool

        init(budget: Int, kind: YAMLDocumentKind, lineOffset: Int, keepingRepeatedKeys: Bool) {
            self.budget = budget
            self.kind = kind
            self.lineOffset = lineOffset
            self.keepingRepeatedKeys = keepingRepeatedKeys
        }

        mutating func run(_ parser: YAMLEventParser) throws(YAMLInputProblem) {
            var documents = 0
            while true {
                let event: YAMLEvent
                do throws(YAMLInputProblem) {
                    event = try parser.next()
                } catch {
                    throw YAMLInputProblem(error.message, line: error.line + lineOffset, column: error.column)
                }
                switch event {
                case .streamStart, .documentEnd:
                    continue
                case .streamEnd:
                    return
                case .documentStart(let mark):
                    documents += 1
                    if documents > 1 {
                        throw YAMLInputProblem("invalid YAML: expected one document, but found a second one", line: mark.line + lineOffset, column: mark.column)
                    }
                case .scalar(let text, let style, let anchor, let mark):
                    let index = append(
                        Record(
                            kind: .scalar, style: style, line: Int32(clamping: mark.line + lineOffset), column: Int32(clamping: mark.column), first: 0,
                            count: 0, expanded: 1, text: text))
                    if let anchor { anchors[anchor] = index }
                    try attach(index)
                case .alias(let anchor, let mark):
                    guard let target = anchors[anchor] else {
                        throw YAMLInputProblem("invalid YAML: found undefined alias '*\(anchor)'", line: mark.line + lineOffset, column: mark.column)
                    }
                    try attach(target)
                case .sequenceStart(let anchor, let mark):
                    start(.sequence, anchor: anchor, mark: mark)
                case .mappingStart(let anchor, let mark):
                    start(.mapping, anchor: anchor, mark: mark)
                case .sequenceEnd, .mappingEnd:
                    try close()
                }
            }
        }

        private mutating func append(_ record: Record) -> Int {
            records.append(record)
            return records.count - 1
        }

        private mutating func start(_ kind: Record.Kind, anchor: String?, mark: YAMLMark) {
            let index = append(
                Record(
                    kind: kind, style: .plain, line: Int32(clamping: mark.line + lineOffset), column: Int32(clamping: mark.column), first: 0, count: 0,
                    expanded: 1, text: ""))
            open.append((index, pending.count))
            // An anchor names its node once the node is complete: an alias inside the node
            // to the node itself is undefined, as in libyaml's own composer.
            if let anchor { openAnchors.append((anchor, index)) }
        }

        private var openAnchors: [(name: String, record: Int)] = []

        /// Ends the innermost collection: its children move to `children`, its expanded size
        /// is summed, a map's keys are checked.
        private mutating func close() throws(YAMLInputProblem) {
            guard let (index, firstPending) = open.popLast() else { return }
            var expanded = 1
            for position in firstPending..<pending.count {
                expanded = expanded.addingReportingOverflow(records[Int(pending[position])].expanded).partialValue
                if expanded > budget || expanded < 0 {
                    let mark = records[index].mark
                    throw YAMLInputProblem(
                        "the YAML expands to more than \(budget) values once its aliases (*name) are expanded (an alias bomb); \(kind.plural) do not need aliases that refer to other aliases",
                        line: mark.line, column: mark.column)
                }
            }
            if records[index].kind == .mapping {
                try checkKeys(from: firstPending)
            }
            records[index].first = Int32(children.count)
            records[index].count = Int32(pending.count - firstPending)
            records[index].expanded = expanded
            children.append(contentsOf: pending[firstPending...])
            pending.removeSubrange(firstPending...)
            if let last = openAnchors.last, last.record == index {
                anchors[last.name] = index
                openAnchors.removeLast()
            }
            try attach(index)
        }

        /// Adds a finished node to the innermost open collection, or makes it the root.
        private mutating func attach(_ index: Int) throws(YAMLInputProblem) {
            if open.isEmpty {
                root = index
            } else {
                pending.append(Int32(index))
            }
        }

        /// A map's keys (every other node pending from `firstPending`) must be text, each
        /// once. Small maps (most are) compare their keys pairwise; larger ones go through a set.
        private func checkKeys(from firstPending: Int) throws(YAMLInputProblem) {
            let keys = stride(from: firstPending, to: pending.count, by: 2).map { Int(pending[$0]) }
            for key in keys where records[key].kind != .scalar {
                throw YAMLInputProblem(
                    "invalid YAML: a map's keys must be text, and this one is a \(records[key].kind == .mapping ? "map" : "list")",
                    line: Int(records[key].line), column: Int(records[key].column))
            }
            guard !keepingRepeatedKeys else { return }
            var repeated: Int?
            if keys.count <= 16 {
                search: for later in keys.indices {
                    for earlier in 0..<later where records[keys[earlier]].text == records[keys[later]].text {
                        repeated = keys[later]
                        break search
                    }
                }
            } else {
                var seen = Set<String>()
                repeated = keys.first { !seen.insert(records[$0].text).inserted }
            }
            if let key = repeated {
                throw YAMLInputProblem(
                    "invalid YAML: the key '\(records[key].text)' appears more than once in the same map", line: Int(records[key].line),
                    column: Int(records[key].column))
            }
        }
    }
}

/// A value of a ``YAMLDocument``: a scalar, a sequence (list) or a mapping (map). An alias
/// reads as the value it names.
public enum YAMLNode: Sendable {
    case scalar(YAMLScalar)
    case sequence(YAMLSequence)
    case mapping(YAMLMapping)

    /// Where the value starts in the text.
    public var mark: YAMLMark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .sequence(let sequence): sequence.mark
        case .mapping(let mapping): mapping.mark
        }
    }

    /// Whether the value is YAML's null: a plain `~`, `null` (any of its three spellings), or
    /// nothing at all.
    public var isNull: Bool {
        guard case .scalar(let scalar) = self, scalar.style == .plain else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }
}

/// A scalar's text as written (quotes and escapes resolved), untyped.
public struct YAMLScalar: Sendable {
    public let string: String
    public let style: YAMLScalarStyle
    public let mark: YAMLMark
}

/// A sequence's items, in order.
public struct YAMLSequence: RandomAccessCollection, Sendable {
    let document: YAMLDocument
    let record: Int

    public var mark: YAMLMark { document.records[record].mark }
    public var startIndex: Int { 0 }
    public var endIndex: Int { Int(document.records[record].count) }

    public subscript(position: Int) -> YAMLNode {
        document.node(Int(document.children[Int(document.records[record].first) + position]))
    }
}

/// A mapping's entries, in the order written.
public struct YAMLMapping: RandomAccessCollection, Sendable {
    let document: YAMLDocument
    let record: Int

    public var mark: YAMLMark { document.records[record].mark }
    public var startIndex: Int { 0 }
    public var endIndex: Int { Int(document.records[record].count) / 2 }

    public subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) {
        let first = Int(document.records[record].first) + 2 * position
        return (document.node(Int(document.children[first])), document.node(Int(document.children[first + 1])))
    }

    /// The value of the key written as `key` (keys are unique within a map).
    public subscript(key: String) -> YAMLNode? {
        let first = Int(document.records[record].first)
        for position in stride(from: first, to: first + 2 * count, by: 2) {
            let keyRecord = document.records[Int(document.children[position])]
            if keyRecord.kind == .scalar && keyRecord.text == key {
                return document.node(Int(document.children[position + 1]))
            }
        }
        return nil
    }
}
