/// The checks made on a document's text before libcmark-gfm sees it: its size, and its
/// tables, whose cost the parser decides before any tree exists (nesting is checked on the
/// tree, where it is exact; see `MarkdownParser`).
///
/// A table's delimiter row (`| --- | :-: |`) fixes its column count, and the table extension
/// fills every later row up to that count, so a table costs columns × rows cells whatever its
/// rows hold. The scan finds lines shaped like delimiter rows and counts the non-blank lines
/// after each: an upper bound of what the parser will build (a `---` line counts as a table
/// of one column, which only ever over-counts).
struct MarkdownInputScan {
    let limits: MarkdownLimits

    func check(_ bytes: UnsafeBufferPointer<UInt8>) throws(MarkdownLimitExceeded) {
        if bytes.count > limits.maximumSize {
            throw MarkdownLimitExceeded(
                "the file is \(bytes.count) bytes; Markdown files are limited to \(limits.maximumSize) bytes (split it into several articles)")
        }
        var cells = 0
        var tableColumns = 0
        var lineNumber = 0
        var lineStart = 0
        while lineStart < bytes.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != newline { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            if Self.isBlank(bytes, lineStart, lineEnd) {
                tableColumns = 0
                continue
            }
            if let columns = Self.delimiterRowColumns(bytes, lineStart, lineEnd) {
                if columns > limits.maximumTableColumns {
                    throw MarkdownLimitExceeded(
                        "this table has \(columns) columns; tables are limited to \(limits.maximumTableColumns) columns",
                        line: lineNumber, column: 1)
                }
                tableColumns = columns
                cells += columns * 2
            } else {
                cells += tableColumns
            }
            if cells > limits.maximumTableCells {
                throw MarkdownLimitExceeded(
                    "the tables up to this line hold more than \(limits.maximumTableCells) cells (rows are filled up to the table's column count); split the table or the article",
                    line: lineNumber, column: 1)
            }
        }
    }

    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        for index in start..<end where bytes[index] != space && bytes[index] != tab && bytes[index] != carriageReturn {
            return false
        }
        return true
    }

    /// The number of columns of a line made only of `|`, `-`, `:` and blanks with at least
    /// one `-` (a GFM delimiter row, or a thematic break); nil for any other line.
    private static func delimiterRowColumns(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var pipes = 0
        var dashes = false
        var cellOpen = false
        var cells = 0
        for index in start..<end {
            switch bytes[index] {
            case pipe:
                pipes += 1
                if cellOpen { cells += 1 }
                cellOpen = false
            case dash:
                dashes = true
                cellOpen = true
            case colon:
                cellOpen = true
            case space, tab, carriageReturn:
                break
            default:
                return nil
            }
        }
        guard dashes else { return nil }
        if cellOpen { cells += 1 }
        return max(cells, pipes == 0 ? 1 : cells)
    }
}

private let newline = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")
private let space = UInt8(ascii: " ")
private let tab = UInt8(ascii: "\t")
private let pipe = UInt8(ascii: "|")
private let dash = UInt8(ascii: "-")
private let colon = UInt8(ascii: ":")
