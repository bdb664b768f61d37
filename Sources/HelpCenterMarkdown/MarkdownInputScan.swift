/// The checks made on a document's text before libcmark-gfm sees it: its size, the block
/// containers a line opens, and its tables, whose cost the parser decides before any tree
/// exists. (Nesting is checked again, exactly, on the tree; see `MarkdownParser`.)
///
/// A line such as `> > - - 1. x` opens its containers at once: two block quotes and three
/// lists with their items. libcmark-gfm takes 2.5 s over 1 MB of `- - - …`, so a line that
/// opens more levels than the limit is refused here, at the marker past the limit. Lines of
/// only `-`, `*`, `_` and blanks are thematic breaks and open nothing.
///
/// A table's delimiter row (`| --- | :-: |`) fixes its column count, and the table extension
/// fills every later row up to that count, so a table costs columns × rows cells whatever its
/// rows hold. The scan finds lines shaped like delimiter rows and counts the non-blank lines
/// after each: an upper bound of what the parser will build (a `---` line counts as a table
/// of one column, which only ever over-counts).
struct MarkdownInputScan {
    let limits: MarkdownLimits

    func check(_ bytes: Span<UInt8>) throws(MarkdownLimitExceeded) {
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
            let lineEnd = Self.endOfLine(bytes, from: lineStart)
            defer { lineStart = lineEnd + 1 }
            if Self.isBlank(bytes, lineStart, lineEnd) {
                tableColumns = 0
                continue
            }
            if let column = Self.containerOverflow(bytes, lineStart, lineEnd, limit: limits.maximumNesting) {
                throw MarkdownLimitExceeded(
                    "the Markdown nests more than \(limits.maximumNesting) levels deep on this line (block quotes and lists opened at once); flatten it",
                    line: lineNumber, column: column)
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

    /// The offset of the line feed ending the line that starts at `start`, or the end of the
    /// text. (`memchr` here saved 0.75% of a 200-article build's instructions, 553.8 → 549.6 M
    /// in callgrind: below the 3% that would pay for a pointer, so this is a plain loop.)
    private static func endOfLine(_ bytes: Span<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] != newline { index += 1 }
        return index
    }

    private static func isBlank(_ bytes: Span<UInt8>, _ start: Int, _ end: Int) -> Bool {
        for index in start..<end where bytes[index] != space && bytes[index] != tab && bytes[index] != carriageReturn {
            return false
        }
        return true
    }

    /// The 1-based column of the container marker that takes the line's opening containers
    /// past `limit` levels (a block quote counts one, a list item two: list and item); nil
    /// when the line stays within it.
    private static func containerOverflow(_ bytes: Span<UInt8>, _ start: Int, _ end: Int, limit: Int) -> Int? {
        var index = start
        while index < end, bytes[index] == space || bytes[index] == tab { index += 1 }
        // Most lines start with a word: they open no container.
        guard index < end else { return nil }
        switch bytes[index] {
        case greater, dash, star, plus, zero...nine: break
        default: return nil
        }
        var onlyBreakCharacters = true
        for offset in index..<end {
            switch bytes[offset] {
            case dash, star, underscore, space, tab, carriageReturn: continue
            default: onlyBreakCharacters = false
            }
            break
        }
        if onlyBreakCharacters { return nil }
        var depth = 0
        func isBlank(_ position: Int) -> Bool { position >= end || bytes[position] == space || bytes[position] == tab }
        while index < end {
            while index < end, bytes[index] == space || bytes[index] == tab { index += 1 }
            guard index < end else { break }
            let marker = index
            let byte = bytes[index]
            if byte == greater {
                depth += 1
                index += 1
            } else if (byte == dash || byte == star || byte == plus) && isBlank(index + 1) {
                depth += 2
                index += 1
            } else if byte >= zero && byte <= nine {
                var digitEnd = index
                while digitEnd < end, digitEnd - index < 9, bytes[digitEnd] >= zero, bytes[digitEnd] <= nine { digitEnd += 1 }
                guard digitEnd < end, bytes[digitEnd] == dot || bytes[digitEnd] == closeParenthesis, isBlank(digitEnd + 1) else { break }
                depth += 2
                index = digitEnd + 1
            } else {
                break
            }
            if depth > limit { return marker - start + 1 }
        }
        return nil
    }

    /// The number of columns of a line made only of `|`, `-`, `:` and blanks with at least
    /// one `-` (a GFM delimiter row, or a thematic break); nil for any other line.
    private static func delimiterRowColumns(_ bytes: Span<UInt8>, _ start: Int, _ end: Int) -> Int? {
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
private let star = UInt8(ascii: "*")
private let plus = UInt8(ascii: "+")
private let underscore = UInt8(ascii: "_")
private let greater = UInt8(ascii: ">")
private let dot = UInt8(ascii: ".")
private let closeParenthesis = UInt8(ascii: ")")
private let zero = UInt8(ascii: "0")
private let nine = UInt8(ascii: "9")
