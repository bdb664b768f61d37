/// Finds marks (an unresolved reference, a `[[label]]`) on their line of an article's Markdown,
/// for their column: escapes, entities and smart punctuation make a text's offsets differ from
/// the line's. Each line is read once (marks on one line share it), and at most
/// `maximumSearches` marks an article are looked for: each search reads the rest of its line,
/// and a line of thousands of escaped marks would make it quadratic; past that, callers place
/// marks by the text's offsets.
struct MarkSourceLines {
    static let maximumSearches = 100

    private let markdown: String
    /// Where each line starts, made at the first search.
    private var lineStarts: [String.Index]?
    /// The last line read, as scalars, and the marks looked for on it in vain.
    private var line: (number: Int, scalars: [Unicode.Scalar], notFound: Set<String>)?
    private var searches = 0

    /// `markdown` is the body as parsed (its line 1 is the body's first line); empty: unknown.
    init(markdown: String) {
        self.markdown = markdown
    }

    /// Whether marks are placed by their source line (the source is known and the budget lasts).
    var isUsable: Bool { !markdown.isEmpty && searches < Self.maximumSearches }

    /// The column (in characters) where `needle` first occurs on line `number`, at or after
    /// `column`; nil when it does not, or when the `[` found is escaped (`\\[^note]`: text the
    /// writer asked for).
    mutating func column(of needle: String, line number: Int, from column: Int) -> Int? {
        searches += 1
        let starts = lineStarts ?? Self.lineStarts(of: markdown)
        lineStarts = starts
        guard number >= 1, number <= starts.count else { return nil }
        let scalars: [Unicode.Scalar]
        if let known = line, known.number == number {
            // A mark looked for in vain on this line is not looked for again.
            if known.notFound.contains(needle) { return nil }
            scalars = known.scalars
        } else {
            var text = markdown[starts[number - 1]...]
            if let end = text.utf8.firstIndex(of: UInt8(ascii: "\n")) { text = text[..<end] }
            scalars = Array(text.unicodeScalars)
            line = (number, scalars, [])
        }
        guard let found = Self.firstOccurrence(of: Array(needle.unicodeScalars), in: scalars, from: column - 1) else {
            line?.notFound.insert(needle)
            return nil
        }
        if found > 0 && scalars[found - 1] == "\\" { return nil }
        return found + 1
    }

    private static func lineStarts(of text: String) -> [String.Index] {
        var starts = [text.startIndex]
        var index = text.utf8.startIndex
        while let newline = text.utf8[index...].firstIndex(of: UInt8(ascii: "\n")) {
            index = text.utf8.index(after: newline)
            starts.append(index)
        }
        return starts
    }

    /// Where `wanted` first occurs in `scalars` at or after `start`.
    static func firstOccurrence(of wanted: [Unicode.Scalar], in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard !wanted.isEmpty, start >= 0, scalars.count >= wanted.count else { return nil }
        var position = start
        while position + wanted.count <= scalars.count {
            if scalars[position] == wanted[0] && scalars[position..<position + wanted.count].elementsEqual(wanted) { return position }
            position += 1
        }
        return nil
    }
}
