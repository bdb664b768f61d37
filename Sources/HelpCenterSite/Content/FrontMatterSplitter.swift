/// A Markdown file cut into its YAML front matter and its body.
public struct SplitSource: Sendable, Equatable {
    /// The YAML between the `---` fences, or nil when the file has no front matter.
    public var yaml: String?
    /// The line (1-based) of the file on which the YAML starts.
    public var yamlFirstLine: Int
    public var body: String
    /// The line (1-based) of the file on which the body starts.
    public var bodyFirstLine: Int
    /// Set when an opening `---` has no closing fence.
    public var unterminated: Bool
}

/// Cuts `---`-fenced YAML front matter off the start of a Markdown file (the layout Hugo and
/// Jekyll use). The closing fence is `---` or `...` on a line of its own.
public enum FrontMatterSplitter {
    /// Works on the UTF-8 bytes (lines end at a line feed, with a carriage return before it
    /// ignored) and cuts the text at the byte offsets found, without re-reading it.
    public static func split(_ source: String) -> SplitSource {
        let bytes = source.utf8.span
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        let fences = findFences(bytes, from: bom ? 3 : 0)
        let utf8 = source.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        let textStart = index(bom ? 3 : 0)
        guard let fences else {
            return SplitSource(yaml: nil, yamlFirstLine: 1, body: String(source[textStart...]), bodyFirstLine: 1, unterminated: false)
        }
        guard let closing = fences.closing else {
            return SplitSource(
                yaml: String(source[index(fences.yamlStart)...]), yamlFirstLine: 2, body: "", bodyFirstLine: fences.lineNumber, unterminated: true)
        }
        return SplitSource(
            yaml: String(source[index(fences.yamlStart)..<index(closing.lineStart)]), yamlFirstLine: 2,
            body: String(source[index(closing.bodyStart)...]), bodyFirstLine: fences.lineNumber + 1, unterminated: false)
    }

    private struct Fences {
        var yamlStart: Int
        /// Where the closing fence's line starts and the body after it, when there is one.
        var closing: (lineStart: Int, bodyStart: Int)?
        /// The closing fence's line number, or the line after the last one.
        var lineNumber: Int
    }

    private static func findFences(_ bytes: Span<UInt8>, from start: Int) -> Fences? {
        func lineEnd(from position: Int) -> Int {
            var end = position
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            return end
        }
        /// Whether `[from, to)` is `fence` followed by nothing but carriage returns, spaces and tabs.
        func isFence(_ fence: UInt8, _ from: Int, _ to: Int) -> Bool {
            var end = to
            while end > from && (bytes[end - 1] == 0x0D || bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
            return end - from == 3 && bytes[from] == fence && bytes[from + 1] == fence && bytes[from + 2] == fence
        }
        let firstEnd = lineEnd(from: start)
        guard firstEnd < bytes.count, isFence(UInt8(ascii: "-"), start, firstEnd) else { return nil }
        var fences = Fences(yamlStart: firstEnd + 1, closing: nil, lineNumber: 2)
        var lineStart = firstEnd + 1
        while lineStart < bytes.count {
            let end = lineEnd(from: lineStart)
            if isFence(UInt8(ascii: "-"), lineStart, end) || isFence(UInt8(ascii: "."), lineStart, end) {
                fences.closing = (lineStart, min(end + 1, bytes.count))
                return fences
            }
            fences.lineNumber += 1
            lineStart = min(end + 1, bytes.count)
        }
        return fences
    }
}
