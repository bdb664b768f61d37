/// A Markdown document as a Swift value tree, copied out of libcmark-gfm's parse.
///
/// Positions are 1-based and relative to the Markdown text that was parsed (callers that
/// parsed a body after front matter add their own line offset).
public struct MarkdownNode: Sendable, Equatable {
    public var kind: MarkdownNodeKind
    public var children: [MarkdownNode]
    public var line: Int
    public var column: Int

    public init(_ kind: MarkdownNodeKind, children: [MarkdownNode] = [], line: Int = 1, column: Int = 1) {
        self.kind = kind
        self.children = children
        self.line = line
        self.column = column
    }

    /// The node's text with all markup removed (for heading ids, alt text and titles).
    public var plainText: String {
        var text = ""
        appendPlainText(to: &text)
        return text
    }

    private func appendPlainText(to text: inout String) {
        switch kind {
        case .text(let literal), .code(let literal):
            text += literal
        case .softBreak, .lineBreak:
            text += " "
        case .htmlInline, .footnoteReference:
            break
        default:
            for child in children { child.appendPlainText(to: &text) }
        }
    }
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
