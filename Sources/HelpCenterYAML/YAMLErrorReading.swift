/// libyaml's error, read for a writer: a quote left open is the commonest slip in front matter,
/// and libyaml reports it where it gave up (the end of the text, or a later line the quoted
/// value swallowed). It is then reported at the opening quote, with what libyaml found. Used
/// by both ways the program reads YAML (Yams's `compose` and `YAMLEventParser`).
struct YAMLErrorReading {
    var problem: String
    var context: String?
    /// 1-based lines and columns.
    var contextMark: (line: Int, column: Int)?
    var problemMark: (line: Int, column: Int)
    var text: [UInt8]

    /// The error in a writer's words when one of the common slips explains it: a quote left
    /// open, or a value holding `: ` (`description: Note: this`), which YAML reads as a key.
    func explained() -> YAMLInputProblem? {
        if let quote = unclosedQuote() { return quote }
        if problem == "mapping values are not allowed in this context" {
            return YAMLInputProblem(
                "invalid YAML: a value holds ': ', which YAML reads as the start of another key; put the whole value in quotes",
                line: problemMark.line, column: problemMark.column)
        }
        return nil
    }

    /// The error as a quote left open, or nil when no quote explains it.
    func unclosedQuote() -> YAMLInputProblem? {
        if context == "while scanning a quoted scalar", let start = contextMark,
            problem.contains("unexpected end of stream") || problem.contains("unexpected document indicator")
        {
            return YAMLInputProblem(
                "invalid YAML: this quoted value is never closed: the text ends before its closing quote; add the closing quote",
                line: start.line, column: start.column)
        }
        guard let open = QuoteScan.firstUnclosedQuote(in: text, beforeLine: problemMark.line) else { return nil }
        return YAMLInputProblem(
            "invalid YAML: this quoted value is not closed on its line, so it runs on into the lines below, where the parser then "
                + "\(problem.hasPrefix("found") ? "" : "found: ")\(problem); add the closing quote",
            line: open.line, column: open.column)
    }
}

/// Finds a quoted value that a line opens and does not close (`title: "Unclosed`), for the
/// message of a parser error further down. A quoted value may run over several lines in YAML,
/// so this is only used to explain an error, never to refuse a text.
enum QuoteScan {
    /// The 1-based line and column (in Unicode scalars) of the first quote before `beforeLine`
    /// that opens a value (after `key: `, `- ` or at the line's start) and is not closed on
    /// its line.
    static func firstUnclosedQuote(in bytes: [UInt8], beforeLine: Int) -> (line: Int, column: Int)? {
        var lineNumber = 1
        var start = 0
        while start < bytes.count && lineNumber < beforeLine {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if let quote = openingQuote(bytes[start..<end]), !isClosed(bytes[start..<end], after: quote) {
                let column = bytes[start..<quote].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
                return (lineNumber, column)
            }
            start = end + 1
            lineNumber += 1
        }
        return nil
    }

    /// The index of a quote that starts a value on this line, if any.
    private static func openingQuote(_ line: ArraySlice<UInt8>) -> Int? {
        var index = line.startIndex
        while index < line.endIndex && line[index] == UInt8(ascii: " ") { index += 1 }
        guard index < line.endIndex, line[index] != UInt8(ascii: "#") else { return nil }
        if line[index] == UInt8(ascii: "-"), index + 1 < line.endIndex, line[index + 1] == UInt8(ascii: " ") { index += 2 }
        while index < line.endIndex && line[index] == UInt8(ascii: " ") { index += 1 }
        if index < line.endIndex, isQuote(line[index]) { return index }
        // `key: "value` (the key itself plain).
        var position = index
        while position + 1 < line.endIndex {
            if line[position] == UInt8(ascii: ":") && line[position + 1] == UInt8(ascii: " ") {
                var value = position + 1
                while value < line.endIndex && line[value] == UInt8(ascii: " ") { value += 1 }
                return value < line.endIndex && isQuote(line[value]) ? value : nil
            }
            if isQuote(line[position]) || line[position] == UInt8(ascii: "#") { return nil }
            position += 1
        }
        return nil
    }

    private static func isQuote(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") }

    /// Whether the quoted value opened at `quote` closes on the same line.
    private static func isClosed(_ line: ArraySlice<UInt8>, after quote: Int) -> Bool {
        let mark = line[quote]
        var index = quote + 1
        while index < line.endIndex {
            let byte = line[index]
            if mark == UInt8(ascii: "\"") && byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == mark {
                // '' inside a single-quoted value is a quote, not the end.
                if mark == UInt8(ascii: "'"), index + 1 < line.endIndex, line[index + 1] == mark {
                    index += 2
                    continue
                }
                return true
            }
            index += 1
        }
        return false
    }
}
