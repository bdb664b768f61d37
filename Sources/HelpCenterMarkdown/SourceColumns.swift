/// Turns libcmark-gfm's columns, which count bytes, into columns that count Unicode scalars,
/// as editors and the YAML parser do: on a line with `é` or `→` before a link, the byte
/// column points past what the writer sees. Lines of ASCII text need no work, and a document
/// of ASCII text keeps no line table at all.
struct SourceColumns {
    /// Byte offset of each line's start (line 1 at index 0); empty when the text is ASCII.
    private let lineStarts: [Int]
    /// The text, read where it is (a copy of its bytes was about a third of this type's cost:
    /// 0.61 % → 0.40 % of the 10,000-article build's samples).
    private let text: String

    init(_ text: String) {
        self.text = text
        let utf8 = text.utf8.span
        var ascii = true
        var index = 0
        while ascii, index < utf8.count {
            ascii = utf8[index] < 0x80
            index += 1
        }
        guard !ascii else {
            lineStarts = []
            return
        }
        var starts = [0]
        for offset in 0..<utf8.count where utf8[offset] == UInt8(ascii: "\n") { starts.append(offset + 1) }
        lineStarts = starts
    }

    /// The byte column of an inline node on a block's later line (starting at byte offset
    /// `start` of the text) that libcmark-gfm placed at `byteColumn`, in a block whose first
    /// line's text starts at `blockColumn`. The library strips a later line's container markers
    /// and leading spaces, then counts its columns from the block's first column: right for a
    /// line indented as the block's first, wrong for a lazy continuation line (`continues here
    /// [a](b.md)` under `- First line`, reported two columns right: session 24's writer trial)
    /// or one indented more or less. The line's text starts after its leading spaces, tabs and
    /// `>` markers (a paragraph's line never starts with `>`: that would start a quote).
    func inlineByteColumn(lineStart start: Int, byteColumn: Int, blockColumn: Int) -> Int {
        let bytes = text.utf8.span
        var index = start
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") || bytes[index] == UInt8(ascii: ">") {
            index += 1
        }
        let textColumn = index - start + 1
        return max(1, textColumn + byteColumn - blockColumn)
    }

    /// The byte offset where each line starts (line 1 at index 0).
    func allLineStarts() -> [Int] {
        if !lineStarts.isEmpty { return lineStarts }
        let bytes = text.utf8.span
        var starts = [0]
        for offset in 0..<bytes.count where bytes[offset] == UInt8(ascii: "\n") { starts.append(offset + 1) }
        return starts
    }

    /// The 1-based scalar column of 1-based `byteColumn` on 1-based `line`.
    func column(line: Int, byteColumn: Int) -> Int {
        guard !lineStarts.isEmpty, line >= 1, line <= lineStarts.count, byteColumn > 1 else { return byteColumn }
        let bytes = text.utf8.span
        let start = lineStarts[line - 1]
        let end = min(start + byteColumn - 1, bytes.count)
        var column = 1
        for index in start..<end where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return column
    }
}
