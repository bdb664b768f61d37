/// One node of a Markdown document, copied out of libcmark-gfm's parse.
///
/// The nodes of a document share one flat store (`MarkdownTree`): a node is the store and its
/// place in it, so passing nodes around, walking children and freeing a document cost no
/// allocation per node. Positions are 1-based and relative to the Markdown text that was
/// parsed (callers that parsed a body after front matter add their own line offset).
public struct MarkdownNode: Sendable, Equatable {
    let tree: MarkdownTree
    let index: Int

    init(tree: MarkdownTree, index: Int) {
        self.tree = tree
        self.index = index
    }

    /// A node made by hand (tests, or a renderer regrouping nodes): its children are copied
    /// into a store of its own.
    public init(_ kind: MarkdownNodeKind, children: [MarkdownNode] = [], line: Int = 1, column: Int = 1) {
        var builder = MarkdownTree.Builder()
        builder.append(kind, line: line, column: column)
        builder.copyChildren(children, into: 0)
        self.init(tree: builder.finish(), index: 0)
    }

    public var kind: MarkdownNodeKind {
        let entry = tree.entries[index]
        guard let literal = entry.literal else { return entry.kind }
        let text = String(decoding: literalBytes, as: UTF8.self)
        switch literal {
        case .text: return .text(text)
        case .code: return .code(text)
        case .htmlInline: return .htmlInline(text)
        }
    }

    /// For a text, a code span or inline HTML, which of them it is; nil for other nodes.
    /// Their text is kept as bytes (`literalBytes`): the renderer escapes it from there,
    /// and a `String` is made only when `kind` is asked for.
    public var literal: MarkdownLiteral? { tree.entries[index].literal }

    /// The UTF-8 bytes of a text, code span or inline HTML node (empty for other nodes): a
    /// slice of the document's one byte store, not a copy.
    public var literalBytes: ArraySlice<UInt8> {
        let entry = tree.entries[index]
        return tree.text[entry.literalStart..<(entry.literalStart + entry.literalCount)]
    }

    public var line: Int { tree.entries[index].line }
    public var column: Int { tree.entries[index].column }

    public var children: Children {
        let entry = tree.entries[index]
        return Children(tree: tree, start: entry.childStart, count: entry.childCount)
    }

    /// A node's children, stored side by side.
    public struct Children: RandomAccessCollection, Sendable {
        let tree: MarkdownTree
        let start: Int
        public let count: Int

        public var startIndex: Int { 0 }
        public var endIndex: Int { count }
        public subscript(position: Int) -> MarkdownNode {
            precondition(position >= 0 && position < count, "MarkdownNode.Children index out of range")
            return MarkdownNode(tree: tree, index: start + position)
        }
    }

    public static func == (lhs: MarkdownNode, rhs: MarkdownNode) -> Bool {
        guard lhs.kind == rhs.kind, lhs.line == rhs.line, lhs.column == rhs.column, lhs.children.count == rhs.children.count else { return false }
        return zip(lhs.children, rhs.children).allSatisfy { $0 == $1 }
    }

    /// The node's text with all markup removed (for heading ids, alt text and titles).
    public var plainText: String {
        // Gathered as bytes and decoded once: a string per text node was most of the
        // allocations made for headings.
        var bytes: [UInt8] = []
        appendPlainText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private func appendPlainText(to text: inout [UInt8]) {
        switch literal {
        case .text?, .code?:
            text += literalBytes
            return
        case .htmlInline?:
            return
        case nil:
            break
        }
        switch kind {
        case .softBreak, .lineBreak:
            text.append(UInt8(ascii: " "))
        case .htmlInline, .footnoteReference:
            break
        default:
            for child in children { child.appendPlainText(to: &text) }
        }
    }
}

/// The nodes of one document in a flat array: each node's children sit side by side
/// (`childStart..<childStart + childCount`), and the texts of text, code span and inline HTML
/// nodes sit in one byte array, so a document is a few allocations whatever its size.
final class MarkdownTree: Sendable {
    struct Entry: Sendable {
        /// The node's kind; for a literal node, `.document` stands in (see `literal`).
        var kind: MarkdownNodeKind
        var literal: MarkdownLiteral?
        var literalStart = 0
        var literalCount = 0
        var line: Int
        var column: Int
        var childStart = 0
        var childCount = 0
    }

    let entries: [Entry]
    let text: [UInt8]

    init(_ entries: [Entry], text: [UInt8]) {
        self.entries = entries
        self.text = text
    }

    /// Fills entries parent first: a node's children are appended together, then each child's.
    struct Builder {
        var entries: [Entry] = []
        var text: [UInt8] = []

        /// Appends a node whose text is given as bytes (the parser's texts).
        mutating func append(_ literal: MarkdownLiteral, bytes: some Collection<UInt8>, line: Int, column: Int) {
            entries.append(Entry(kind: .document, literal: literal, literalStart: text.count, literalCount: bytes.count, line: line, column: column))
            text.append(contentsOf: bytes)
        }

        mutating func append(_ kind: MarkdownNodeKind, line: Int, column: Int) {
            let literal: (MarkdownLiteral, String)?
            switch kind {
            case .text(let string): literal = (.text, string)
            case .code(let string): literal = (.code, string)
            case .htmlInline(let string): literal = (.htmlInline, string)
            default: literal = nil
            }
            guard let (type, string) = literal else {
                entries.append(Entry(kind: kind, line: line, column: column))
                return
            }
            append(type, bytes: string.utf8, line: line, column: column)
        }

        /// Copies nodes of other trees (with their descendants) as the children of `parent`.
        mutating func copyChildren(_ children: [MarkdownNode], into parent: Int) {
            let start = entries.count
            entries[parent].childStart = start
            entries[parent].childCount = children.count
            for child in children { append(child.kind, line: child.line, column: child.column) }
            for (offset, child) in children.enumerated() { copyChildren(Array(child.children), into: start + offset) }
        }

        func finish() -> MarkdownTree {
            MarkdownTree(entries, text: text)
        }
    }
}

/// The nodes whose text is kept as bytes.
public enum MarkdownLiteral: Sendable, Equatable {
    case text, code, htmlInline
}

/// Alignment of a GFM table column.
public enum MarkdownTableAlignment: Sendable, Equatable {
    case none, left, center, right
}

/// What a node is. Block and inline kinds of CommonMark plus the GFM extensions.
public enum MarkdownNodeKind: Sendable, Equatable {
    // Blocks
    case document
    case blockQuote
    case list(ordered: Bool, start: Int, tight: Bool)
    /// A list item; `task` is nil for an ordinary item, else whether the box is checked.
    case item(task: Bool?)
    case codeBlock(info: String, literal: String)
    case htmlBlock(String)
    case paragraph
    case heading(level: Int)
    case thematicBreak
    /// A footnote's text; libcmark-gfm has moved definitions to the end, in reference order.
    case footnoteDefinition
    case table(alignments: [MarkdownTableAlignment])
    case tableRow(isHeader: Bool)
    case tableCell
    // Inlines
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case htmlInline(String)
    case emphasis
    case strong
    case strikethrough
    case link(destination: String, title: String)
    case image(source: String, title: String)
    /// A reference to footnote `number` (as text, numbered by libcmark-gfm in reference order).
    case footnoteReference(number: String)
}
