import HelpCenterDiagnostics
import HelpCenterMarkdown

/// Reference links and footnotes that lead nowhere. libcmark-gfm leaves `[text][label]`,
/// `[text][]` and `[^note]` as text, brackets and all, when the article defines no `[label]:`
/// or `[^note]:`, so readers saw the marks and the writer heard nothing (session 24's writer
/// trial). The check reads the text nodes the parser left: the definitions themselves are not
/// exposed by the library, and a reference that resolved is a link node, never text.
///
/// Brackets escaped on purpose (`\[a\]\[b\]`) give the same text, but are not in the source
/// as written, and are not warned about; nor are brackets in a code span.
extension ArticleBodyRenderer {
    /// What `[` marks a text holds, from one pass over its bytes (every text of every article
    /// passes through here; most hold no `[` at all).
    struct BracketMarks: OptionSet {
        let rawValue: UInt8
        /// `[[`: a UI label's start.
        static let label = BracketMarks(rawValue: 1)
        /// `][` or `[^`: what an unresolved reference or footnote leaves.
        static let reference = BracketMarks(rawValue: 2)
    }

    static func bracketMarks(_ bytes: Span<UInt8>) -> BracketMarks {
        var marks: BracketMarks = []
        guard bytes.count > 1 else { return marks }
        for index in 0..<bytes.count where bytes[index] == UInt8(ascii: "[") {
            if index > 0 {
                if bytes[index - 1] == UInt8(ascii: "[") { marks.insert(.label) }
                if bytes[index - 1] == UInt8(ascii: "]") { marks.insert(.reference) }
            }
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "^") { marks.insert(.reference) }
        }
        return marks
    }

    /// A reference left as text: where its first bracket is (a byte offset in the text), how
    /// it was written, and the label no definition gives.
    struct UnresolvedReference: Equatable {
        enum Kind: Equatable { case link, footnote }
        var kind: Kind
        var offset: Int
        var written: String
        var label: String
    }

    /// The references a text node holds that no definition resolved. A `[[label]]` is not one
    /// (`[[Save]][[Cancel]]` neither); a reference whose text has emphasis in it is found by its
    /// `][label]` part alone (the text before is in other nodes).
    static func unresolvedReferences(in bytes: Span<UInt8>) -> [UnresolvedReference] {
        let open = UInt8(ascii: "[")
        let close = UInt8(ascii: "]")
        func text(_ range: Range<Int>) -> String {
            var collected: [UInt8] = []
            collected.reserveCapacity(range.count)
            for index in range { collected.append(bytes[index]) }
            return String(decoding: collected, as: UTF8.self)
        }
        /// The first `]` from `start` with no `[` before it.
        func closing(from start: Int) -> Int? {
            var index = start
            while index < bytes.count {
                if bytes[index] == close { return index }
                if bytes[index] == open { return nil }
                index += 1
            }
            return nil
        }
        var found: [UnresolvedReference] = []
        var index = 0
        while index + 1 < bytes.count {
            // `[^note]`: a footnote reference (labels have no white space).
            if bytes[index] == open, bytes[index + 1] == UInt8(ascii: "^"), index == 0 || bytes[index - 1] != open,
                let end = closing(from: index + 2), end > index + 2,
                !(index + 2..<end).contains(where: { bytes[$0] == 0x20 || bytes[$0] == 0x09 || bytes[$0] == 0x0A })
            {
                let label = text(index + 2..<end)
                found.append(UnresolvedReference(kind: .footnote, offset: index, written: "[^\(label)]", label: label))
                index = end + 1
                continue
            }
            // `…][label]` or `…][]`, not the end of a `[[label]]` or the start of one.
            guard bytes[index] == close, bytes[index + 1] == open, index == 0 || bytes[index - 1] != close,
                index + 2 < bytes.count, bytes[index + 2] != open, let end = closing(from: index + 2)
            else {
                index += 1
                continue
            }
            // The link text's `[`, when it is in this text too.
            var start: Int?
            var back = index - 1
            while back >= 0 && bytes[back] != close {
                if bytes[back] == open {
                    start = back
                    break
                }
                back -= 1
            }
            if let first = start, first > 0, bytes[first - 1] == open {
                // `[[label]` … a label's marks, not a link's text.
                index = end + 1
                continue
            }
            let linkText = start.map { text($0 + 1..<index) }
            let label = end == index + 2 ? linkText : text(index + 2..<end)
            if let label, !label.allSatisfy(\.isWhitespace) {
                let written = linkText.map { "[\($0)]" } ?? "[…]"
                found.append(
                    UnresolvedReference(
                        kind: .link, offset: start ?? index, written: written + "[" + (end == index + 2 ? "" : label) + "]", label: label))
            }
            index = end + 1
        }
        return found
    }

    /// Warns about each reference in a text node that no definition resolved. Each is looked
    /// for as written on the node's source line, after the one before it: one that is not there
    /// was made by escapes or entities (`\\[a\\]\\[b\\]`: brackets the writer asked for), and
    /// is not warned about.
    mutating func checkReferences(_ bytes: Span<UInt8>, node: MarkdownNode) {
        var cursor = node.column
        // Characters counted so far, from the text's start (counted forward, once).
        var counted = (offset: 0, characters: 0)
        for reference in Self.unresolvedReferences(in: bytes) {
            // An image's reference keeps its `!` in the text before it.
            let isImage = reference.kind == .link && reference.offset > 0 && bytes[reference.offset - 1] == UInt8(ascii: "!")
            // As written in the source: `][label]` when the link text is in other nodes.
            let needle = reference.written.hasPrefix("[…]") ? "]" + reference.written.dropFirst(3) : (isImage ? "!" : "") + reference.written
            let column: Int
            if !markSource.isUsable {
                counted.characters += Self.characters(in: bytes, from: counted.offset, upTo: reference.offset)
                counted.offset = reference.offset
                column = node.column + counted.characters
            } else {
                guard let found = markSource.column(of: needle, line: node.line, from: cursor) else { continue }
                column = found
                cursor = found + needle.unicodeScalars.count
            }
            let location = SourceLocation(path: context.displayPath, line: context.bodyFirstLine - 1 + node.line, column: column)
            let shown = (isImage ? "!" : "") + reference.written
            let message =
                switch reference.kind {
                case .link:
                    "\(shown) is a reference \(isImage ? "image" : "link"), but the article defines no [\(reference.label)], so readers see the brackets; add a line '[\(reference.label)]: <address>' to the article, write it inline (\(isImage ? "![alt](file)" : "[text](address)")), or escape brackets meant as text: \\[ \\]"
                case .footnote:
                    "\(shown) is a footnote, but the article has no '[^\(reference.label)]: …' note, so readers see the brackets; add the note (at the end of the article is usual), or escape brackets meant as text: \\[^…\\]"
                }
            diagnostics.append(.warning(message, at: location, id: "undefined-reference"))
        }
    }

    /// Characters (Unicode scalars: their UTF-8 lead bytes) in `bytes[start..<offset]`.
    static func characters(in bytes: Span<UInt8>, from start: Int, upTo offset: Int) -> Int {
        var characters = 0
        for index in start..<offset where bytes[index] & 0xC0 != 0x80 { characters += 1 }
        return characters
    }
}
