/// Finds where a large YAML file of the shape `key:` followed by a block list can be cut
/// into parts, each a run of whole list items, so that the parts can be parsed in parallel.
///
/// This is not a parser: it only proposes cuts, at lines that start a list item at the
/// list's own indentation (`- ` or `-` there). libyaml then parses every part, and the
/// caller uses the parts only if every one of them parses into a list; a proposed cut that
/// is not a real item boundary (inside a quoted scalar or a flow collection that spans
/// lines) leaves one part unterminated, which libyaml refuses, and the caller parses the
/// whole file instead. Lines inside a block scalar (`|`, `>`) are indented deeper than the
/// item that holds it, so they are never cut. Anything unusual (tabs in indentation,
/// directives, a second document, anything but comments beside the key) gives no cuts.
public enum YAMLListSplitter {
    /// A part: a byte range of the text and the 1-based line it starts on.
    public struct Part: Sendable, Hashable {
        public var bytes: Range<Int>
        public var firstLine: Int
    }

    /// The parts of `text`, each about `partSize` bytes or more, or `nil` when the text is
    /// not `key:` followed by a list or has fewer than two parts.
    public static func split(_ text: String, key: String, partSize: Int) -> [Part]? {
        let bytes = Array(text.utf8)
        var itemIndent: Int?
        var cuts: [(offset: Int, line: Int)] = []
        var sawKey = false
        var line = 0
        var start = 0
        while start < bytes.count {
            line += 1
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let content = bytes[start..<end]
            let indent = content.prefix { $0 == UInt8(ascii: " ") }.count
            let rest = content.dropFirst(indent)
            let isBlank = rest.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }
            if rest.first == UInt8(ascii: "\t") { return nil }
            if !isBlank && rest.first != UInt8(ascii: "#") {
                if let listIndent = itemIndent {
                    if indent < listIndent { return nil }
                    if indent == listIndent {
                        // Back at the list's indentation: a new item, or something after
                        // the list (then the whole file is parsed as one).
                        guard startsItem(rest) else { return nil }
                        if start - (cuts.last?.offset ?? 0) >= partSize { cuts.append((start, line)) }
                    }
                } else if !sawKey {
                    guard indent == 0, isKeyLine(rest, key: key) else { return nil }
                    sawKey = true
                } else {
                    guard startsItem(rest) else { return nil }
                    itemIndent = indent
                    cuts.append((start, line))
                }
            }
            start = end + 1
        }
        guard cuts.count >= 2 else { return nil }
        var parts: [Part] = []
        for (index, cut) in cuts.enumerated() {
            let end = index + 1 < cuts.count ? cuts[index + 1].offset : bytes.count
            parts.append(Part(bytes: cut.offset..<end, firstLine: cut.line))
        }
        return parts
    }

    /// `- …` or a lone `-`.
    private static func startsItem(_ rest: ArraySlice<UInt8>) -> Bool {
        guard rest.first == UInt8(ascii: "-") else { return false }
        let next = rest.dropFirst().first
        return next == nil || next == UInt8(ascii: " ") || next == UInt8(ascii: "\r")
    }

    /// `key:`, with nothing after it but spaces and a comment.
    private static func isKeyLine(_ rest: ArraySlice<UInt8>, key: String) -> Bool {
        let expected = Array((key + ":").utf8)
        guard rest.starts(with: expected) else { return false }
        let after = rest.dropFirst(expected.count).drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }
        return after.isEmpty || after.first == UInt8(ascii: "#")
    }
}
