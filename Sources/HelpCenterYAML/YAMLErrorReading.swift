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
        if let colon = missingColon() { return colon }
        if let bracket = unclosedBracket() { return bracket }
        if problem == "mapping values are not allowed in this context" {
            return YAMLInputProblem(
                "invalid YAML: a value holds ': ', which YAML reads as the start of another key; put the whole value in quotes",
                line: problemMark.line, column: problemMark.column)
        }
        if problem.hasPrefix("found a tab character")
            || (problem == "found character that cannot start any token" && character(at: problemMark) == UInt8(ascii: "\t"))
        {
            // libyaml's words named no character; a tab from an editor is the usual one.
            return YAMLInputProblem(
                "invalid YAML: a tab, where YAML indents with spaces only; replace it with spaces", line: problemMark.line, column: problemMark.column)
        }
        return nil
    }

    /// A key written without its `:` (`author Jane`): libyaml says it "could not find expected
    /// ':'" a line later, or, for a line followed by `key: value`, that "mapping values are not
    /// allowed" there (it read the two lines as one value). Reported at the line without its
    /// colon, with the line as it should be (session 24's writer trial).
    func missingColon() -> YAMLInputProblem? {
        let line: Int
        if problem == "could not find expected ':'", context == "while scanning a simple key", let start = contextMark {
            line = start.line
        } else if problem == "mapping values are not allowed in this context", problemMark.line > 1 {
            // The line above, at the same indentation, with no colon of its own: a key without
            // its colon, which the next line's key was read as the end of.
            let previous = problemMark.line - 1
            guard let above = lineText(previous), let here = lineText(problemMark.line), indentation(above) == indentation(here),
                !above.contains(":"), !above.hasPrefix("#"), startsAnEntry(line: previous)
            else { return nil }
            line = previous
        } else {
            return nil
        }
        guard let text = lineText(line) else { return nil }
        let indent = indentation(text)
        let content = text.dropFirst(indent)
        guard !content.isEmpty, !content.hasPrefix("- "), !content.hasPrefix("#"), !content.contains("\t") else { return nil }
        // `author Jane`, or a key alone before its block (`given`, then indented fields).
        let space = content.firstIndex(of: " ") ?? content.endIndex
        let key = content[..<space]
        let value = content[space...].drop { $0 == " " }
        let fixed = String(repeating: " ", count: indent) + key + ":" + (value.isEmpty ? "" : " " + value)
        return YAMLInputProblem(
            "invalid YAML: this line has no ':' after its key '\(key)', so YAML can't read it as a key and a value; write it '\(fixed)'",
            line: line, column: indent + key.count + 1)
    }

    /// Whether a line can be an entry of its mapping rather than the continuation of a value
    /// above it: the first line, or one whose nearest line above is a key at the same
    /// indentation or the key of the block it is in. A value wrapped over three lines, `: ` in
    /// its last, blamed its middle line for a missing colon (the review of session 24).
    private func startsAnEntry(line number: Int) -> Bool {
        guard let text = lineText(number) else { return false }
        var earlier = number - 1
        while earlier >= 1, let above = lineText(earlier), above.allSatisfy({ $0 == " " }) || above.drop(while: { $0 == " " }).hasPrefix("#") {
            earlier -= 1
        }
        guard earlier >= 1, let above = lineText(earlier) else { return true }
        let trimmed = above.drop { $0 == " " }
        if indentation(above) == indentation(text) { return trimmed.contains(": ") || trimmed.hasSuffix(":") || trimmed.hasPrefix("- ") }
        return indentation(above) < indentation(text) && trimmed.hasSuffix(":")
    }

    /// A list or map opened with `[` or `{` and not closed on its line (`tags: [a, b`): libyaml
    /// reports it on a later line, where it found neither `,` nor the closing bracket. Only when
    /// the bracket is never closed: in a closed one the error is something else.
    func unclosedBracket() -> YAMLInputProblem? {
        guard let start = contextMark, start.line < problemMark.line, !closes(from: start) else { return nil }
        let shape: (String, String)
        switch context {
        case "while parsing a flow sequence": shape = ("list", "]")
        case "while parsing a flow mapping": shape = ("map", "}")
        default: return nil
        }
        return YAMLInputProblem(
            "invalid YAML: this \(shape.0) is not closed on its line; add '\(shape.1)' at its end",
            line: start.line, column: start.column)
    }

    /// Whether the bracket at a mark is closed later in the text (brackets inside quotes are text).
    private func closes(from mark: (line: Int, column: Int)) -> Bool {
        var line = 1
        var column = 1
        var depth = 0
        var quote: UInt8?
        var started = false
        for byte in text where byte & 0xC0 != 0x80 {
            defer {
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            if !started {
                guard line == mark.line && column == mark.column else { continue }
                started = true
            }
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { return true }
            default: break
            }
        }
        return false
    }

    /// The text of a 1-based line, without its line break (nil past the text).
    func lineText(_ number: Int) -> String? {
        var line = 1
        var start = 0
        while line < number {
            guard let end = text[start...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            start = end + 1
            line += 1
        }
        guard start <= text.count else { return nil }
        let end = text[start...].firstIndex(of: UInt8(ascii: "\n")) ?? text.count
        var bytes = text[start..<end]
        if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func indentation(_ line: String) -> Int { line.prefix { $0 == " " }.count }

    /// The first byte of the character at a 1-based line and column (columns counted in
    /// characters), or nil past the text.
    func character(at mark: (line: Int, column: Int)) -> UInt8? {
        var line = 1
        var column = 1
        for byte in text where byte & 0xC0 != 0x80 {
            if line == mark.line && column == mark.column { return byte }
            if byte == UInt8(ascii: "\n") {
                if line == mark.line { return nil }
                line += 1
                column = 1
            } else {
                column += 1
            }
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

/// Finds a quoted value still open where the parser failed (`title: "Unclosed`, then an error
/// lines below), for the message of that error. A quoted value may run over several lines in
/// YAML: one that closes on a line before the error is passed over, and so are the lines of a
/// block scalar (`|`, `>`), whose quotes are text. Only used to explain an error, never to
/// refuse a text.
enum QuoteScan {
    /// The 1-based line and column (in Unicode scalars) of the quote that opens a value (after
    /// `key: `, `- ` or at the line's start) and is still open on line `problemLine` (it closes
    /// on that line, or later, or never).
    static func firstUnclosedQuote(in bytes: [UInt8], beforeLine problemLine: Int) -> (line: Int, column: Int)? {
        var lineNumber = 1
        var start = 0
        /// The indentation of the key whose block scalar is being passed over, if one is.
        var blockIndent: Int?
        while start < bytes.count && lineNumber < problemLine {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let line = bytes[start..<end]
            let indent = line.prefix { $0 == UInt8(ascii: " ") }.count
            let blank = line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }
            if let block = blockIndent, blank || indent > block {
                start = end + 1
                lineNumber += 1
                continue
            }
            blockIndent = nil
            if let quote = openingQuote(line) {
                guard let close = closingQuote(in: bytes, openedAt: quote) else {
                    return (lineNumber, column(of: quote, lineStart: start, in: bytes))
                }
                // The line the value closes on: the error's own line (or later) means the value
                // swallowed the lines up to the error.
                let closeLine = lineNumber + bytes[quote..<close].filter { $0 == UInt8(ascii: "\n") }.count
                if closeLine >= problemLine { return (lineNumber, column(of: quote, lineStart: start, in: bytes)) }
                let closeLineEnd = bytes[close...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                start = closeLineEnd + 1
                lineNumber = closeLine + 1
                continue
            }
            if startsBlockScalar(line) { blockIndent = indent }
            start = end + 1
            lineNumber += 1
        }
        return nil
    }

    private static func column(of index: Int, lineStart: Int, in bytes: [UInt8]) -> Int {
        bytes[lineStart..<index].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    }

    /// The index of the quote that closes the value opened at `quote`, across lines; nil when
    /// the text ends first.
    private static func closingQuote(in bytes: [UInt8], openedAt quote: Int) -> Int? {
        let mark = bytes[quote]
        var index = quote + 1
        while index < bytes.count {
            let byte = bytes[index]
            if mark == UInt8(ascii: "\"") && byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == mark {
                // '' inside a single-quoted value is a quote, not the end.
                if mark == UInt8(ascii: "'"), index + 1 < bytes.count, bytes[index + 1] == mark {
                    index += 2
                    continue
                }
                return index
            }
            index += 1
        }
        return nil
    }

    /// Whether the line's value is a block scalar's indicator (`key: |`, `- >-`, `key: |2 # x`).
    private static func startsBlockScalar(_ line: ArraySlice<UInt8>) -> Bool {
        var content = Array(line)
        if let hash = content.indices.first(where: { content[$0] == UInt8(ascii: "#") && ($0 == 0 || content[$0 - 1] == UInt8(ascii: " ")) }) {
            content = Array(content[..<hash])
        }
        while let last = content.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\r") { content.removeLast() }
        // The indicator and its modifiers (`|`, `>-`, `|+2`), after `: ` or `- ` or alone.
        var position = content.count
        while position > 0, "+-0123456789".utf8.contains(content[position - 1]) { position -= 1 }
        guard position > 0, content[position - 1] == UInt8(ascii: "|") || content[position - 1] == UInt8(ascii: ">") else { return false }
        let before = content[..<(position - 1)]
        return before.allSatisfy { $0 == UInt8(ascii: " ") }
            || before.last == UInt8(ascii: " ")
                && (before.dropLast().last == UInt8(ascii: ":") || before.dropLast().last == UInt8(ascii: "-"))
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
}
