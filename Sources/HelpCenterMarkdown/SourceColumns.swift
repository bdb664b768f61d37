/// Turns libcmark-gfm's columns, which count bytes, into columns that count Unicode scalars,
/// as editors and the YAML parser do: on a line with `é` or `→` before a link, the byte
/// column points past what the writer sees. Lines of ASCII text need no work, and a document
/// of ASCII text keeps no line table at all.
struct SourceColumns {
    /// Byte offset of each line's start (line 1 at index 0); empty when the text is ASCII.
    private let lineStarts: [Int]
    private let bytes: [UInt8]

    init(_ text: String) {
        let utf8 = text.utf8.span
        var ascii = true
        var index = 0
        while ascii, index < utf8.count {
            ascii = utf8[index] < 0x80
            index += 1
        }
        guard !ascii else {
            lineStarts = []
            bytes = []
            return
        }
        let bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        lineStarts = starts
        self.bytes = bytes
    }

    /// The 1-based scalar column of 1-based `byteColumn` on 1-based `line`.
    func column(line: Int, byteColumn: Int) -> Int {
        guard !lineStarts.isEmpty, line >= 1, line <= lineStarts.count, byteColumn > 1 else { return byteColumn }
        let start = lineStarts[line - 1]
        let end = min(start + byteColumn - 1, bytes.count)
        var column = 1
        for index in start..<end where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return column
    }
}
