import HelpCenterDiagnostics

/// A lexical pass over YAML text before it reaches the parser, refusing two kinds of
/// hostile structure that the parser would handle by recursing or hashing without bound:
/// nesting deeper than the limit (`[[[[…` ten thousand deep), and collections or aliases
/// used as mapping keys (which the parser hashes in full, so an aliased bomb as a key
/// takes exponential time). No file this program reads needs either.
///
/// The scan over-approximates YAML's grammar: it tracks quotes, comments, block scalars,
/// flow collections and block indentation, which is all that decides these two questions.
/// Written by hand because libyaml (under Yams) recurses per nesting level before any limit
/// of ours could apply, and offers no such check.
public struct YAMLStructureScan: Sendable {
    public var maximumNesting: Int
    public var kind: YAMLDocumentKind

    public init(maximumNesting: Int, kind: YAMLDocumentKind = .scenarioFile) {
        self.maximumNesting = maximumNesting
        self.kind = kind
    }

    public func check(_ text: String) throws(YAMLInputProblem) {
        var utf8 = Array(text.utf8)
        utf8.append(UInt8(ascii: "\n"))
        var scanner = Scanner(bytes: utf8, maximumNesting: maximumNesting, kind: kind)
        if let problem = scanner.run() { throw problem }
    }

    private struct Scanner {
        let bytes: [UInt8]
        let maximumNesting: Int
        let kind: YAMLDocumentKind
        var index = 0
        var lineStart = 0
        var lineIndent = 0
        var quote: UInt8?
        var flowDepth = 0
        var indents: [Int] = []
        var blockScalarParent: Int?
        var valueStart = true

        init(bytes: [UInt8], maximumNesting: Int, kind: YAMLDocumentKind) {
            self.bytes = bytes
            self.maximumNesting = maximumNesting
            self.kind = kind
        }

        mutating func run() -> YAMLInputProblem? {
            var atLineStart = true
            while index < bytes.count {
                if atLineStart {
                    atLineStart = false
                    if let problem = startLine() { return problem }
                    continue
                }
                let byte = bytes[index]
                if byte == newline {
                    index += 1
                    lineStart = index
                    atLineStart = true
                    continue
                }
                if let open = quote {
                    scanQuoted(byte, open: open)
                    continue
                }
                if let problem = scanPlain(byte) { return problem }
            }
            return nil
        }

        /// Handles indentation: block-scalar content lines are skipped; other lines outside
        /// quotes and flow collections update the block nesting level.
        mutating func startLine() -> YAMLInputProblem? {
            var cursor = index
            while cursor < bytes.count, bytes[cursor] == space { cursor += 1 }
            let indent = cursor - index
            let blank = bytes[cursor] == newline || bytes[cursor] == carriageReturn
            if let parent = blockScalarParent {
                if blank || indent > parent {
                    skipToEndOfLine()
                    return nil
                }
                blockScalarParent = nil
            }
            index = cursor
            guard quote == nil, flowDepth == 0, !blank, bytes[cursor] != hash else { return nil }
            lineIndent = indent
            valueStart = true
            while let top = indents.last, top > indent { indents.removeLast() }
            if indents.last != indent { indents.append(indent) }
            var level = indents.count
            while cursor + 1 < bytes.count, bytes[cursor] == dash || bytes[cursor] == question,
                bytes[cursor + 1] == space || bytes[cursor + 1] == newline
            {
                level += 1
                cursor += 2
                while cursor < bytes.count, bytes[cursor] == space { cursor += 1 }
            }
            return level > maximumNesting ? tooDeep(level, at: index) : nil
        }

        mutating func scanQuoted(_ byte: UInt8, open: UInt8) {
            if byte == open {
                if open == singleQuote, index + 1 < bytes.count, bytes[index + 1] == singleQuote {
                    index += 2
                    return
                }
                quote = nil
                valueStart = false
            } else if open == doubleQuote, byte == backslash, bytes[index + 1] != newline {
                index += 1
            }
            index += 1
        }

        mutating func scanPlain(_ byte: UInt8) -> YAMLInputProblem? {
            let next = index + 1 < bytes.count ? bytes[index + 1] : newline
            let separated = next == space || next == newline || next == carriageReturn || next == tab
            switch byte {
            case hash where index == lineStart || bytes[index - 1] == space || bytes[index - 1] == tab:
                skipToEndOfLine()
                return nil
            case doubleQuote where valueStart, singleQuote where valueStart:
                quote = byte
            case openBracket where valueStart, openBrace where valueStart:
                flowDepth += 1
                if flowDepth + indents.count > maximumNesting { return tooDeep(flowDepth + indents.count, at: index) }
            case closeBracket where flowDepth > 0, closeBrace where flowDepth > 0:
                flowDepth -= 1
                valueStart = false
                if followedByColon(from: index + 1) {
                    return problem("a list or map is used as a mapping key; \(kind.plural) use plain keys", at: index)
                }
            case comma where flowDepth > 0:
                valueStart = true
            case colon where separated || (flowDepth > 0 && (next == comma || next == closeBracket || next == closeBrace)):
                valueStart = true
            case dash where valueStart && separated:
                break
            // libyaml reads `?` as a key indicator inside a flow collection whatever follows it
            // (`[?*a]` is a one-pair map keyed by the alias), elsewhere only before a blank.
            case question where valueStart && (separated || flowDepth > 0):
                return problem("an explicit mapping key ('? ') is used; \(kind.plural) use plain keys", at: index)
            case star where valueStart:
                let aliasStart = index
                // libyaml's alias names are letters, digits, `-` and `_` (its IS_ALPHA): `*a:x`
                // in a flow collection is the alias `a` followed by a value indicator.
                while index + 1 < bytes.count, isAnchorCharacter(bytes[index + 1]) { index += 1 }
                valueStart = false
                if followedByColon(from: index + 1) {
                    return problem("an alias is used as a mapping key; \(kind.plural) use plain keys", at: aliasStart)
                }
            case ampersand where valueStart, exclamation where valueStart:
                while index + 1 < bytes.count, !isTokenEnd(bytes[index + 1]) { index += 1 }
            case pipe where valueStart && flowDepth == 0, greater where valueStart && flowDepth == 0:
                blockScalarParent = lineIndent
                skipToEndOfLine()
                return nil
            case space, tab, carriageReturn:
                break
            default:
                valueStart = false
            }
            index += 1
            return nil
        }

        func followedByColon(from start: Int) -> Bool {
            var cursor = start
            while cursor < bytes.count, bytes[cursor] == space || bytes[cursor] == tab { cursor += 1 }
            guard cursor + 1 < bytes.count, bytes[cursor] == colon else { return false }
            let after = bytes[cursor + 1]
            // Inside a flow collection libyaml takes any `:` after a key as the value indicator.
            return after == space || after == newline || after == tab || after == carriageReturn || flowDepth > 0
        }

        func isAnchorCharacter(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == dash || byte == UInt8(ascii: "_")
        }

        func isTokenEnd(_ byte: UInt8) -> Bool {
            [space, tab, newline, carriageReturn, comma, openBracket, closeBracket, openBrace, closeBrace].contains(byte)
        }

        mutating func skipToEndOfLine() {
            while index < bytes.count, bytes[index] != newline { index += 1 }
        }

        func tooDeep(_ level: Int, at offset: Int) -> YAMLInputProblem {
            problem("the YAML nests more than \(maximumNesting) levels deep; \(kind.plural) nest a few levels", at: offset)
        }

        func problem(_ message: String, at offset: Int) -> YAMLInputProblem {
            let (line, column) = YAMLInputProblem.position(of: offset, in: bytes.span)
            return YAMLInputProblem(message, line: line, column: column)
        }
    }
}

private let newline = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")
private let space = UInt8(ascii: " ")
private let tab = UInt8(ascii: "\t")
private let hash = UInt8(ascii: "#")
private let dash = UInt8(ascii: "-")
private let question = UInt8(ascii: "?")
private let colon = UInt8(ascii: ":")
private let comma = UInt8(ascii: ",")
private let star = UInt8(ascii: "*")
private let ampersand = UInt8(ascii: "&")
private let exclamation = UInt8(ascii: "!")
private let pipe = UInt8(ascii: "|")
private let greater = UInt8(ascii: ">")
private let doubleQuote = UInt8(ascii: "\"")
private let singleQuote = UInt8(ascii: "'")
private let backslash = UInt8(ascii: "\\")
private let openBracket = UInt8(ascii: "[")
private let closeBracket = UInt8(ascii: "]")
private let openBrace = UInt8(ascii: "{")
private let closeBrace = UInt8(ascii: "}")
