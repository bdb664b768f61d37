import Foundation
import HelpCenterDiagnostics

/// A Mustache template compiled for fast rendering with typed contexts: text, variables,
/// sections and partials, with Mustache's rules for standalone lines. Every tag keeps its
/// position, for the variable checker. Syntax errors are reported by swift-mustache, which
/// parses every template first; this parser also refuses what it cannot compile.
struct CompiledTemplate: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        /// `path` holds the names' `TemplateNames` numbers (`a.b` → two numbers, `.` → none).
        case variable(name: String, path: [Int], escaped: Bool, line: Int, column: Int)
        case section(name: String, path: [Int], inverted: Bool, children: [Node], line: Int, column: Int)
        case partial(name: String, indentation: String, line: Int, column: Int)
    }

    var name: String
    var displayPath: String
    var nodes: [Node]
}

struct TemplateSyntaxError: Error {
    var message: String
    var line: Int
    var column: Int
}

enum TemplateParser {
    fileprivate enum TagKind: Equatable {
        case variable, unescaped, section, inverted, close, partial, comment, delimiters
        case unsupported(String)

        var canStandAlone: Bool {
            switch self {
            case .section, .inverted, .close, .partial, .comment, .delimiters: true
            default: false
            }
        }
    }

    fileprivate enum Token {
        case text(String)
        case tag(kind: TagKind, name: String, line: Int, column: Int)
    }

    static func compile(_ source: TemplateSource) throws -> CompiledTemplate {
        var tokens = try tokenize(source.text)
        var partialIndentation: [Int: String] = [:]
        applyStandaloneRules(&tokens, partialIndentation: &partialIndentation)
        var index = 0
        let nodes = try build(tokens, from: &index, partialIndentation: partialIndentation, closing: nil)
        return CompiledTemplate(name: source.name, displayPath: source.displayPath, nodes: nodes)
    }

    private static func tokenize(_ text: String) throws -> [Token] {
        var tokens: [Token] = []
        let scalars = Array(text.unicodeScalars)
        var open: [Unicode.Scalar] = ["{", "{"]
        var close: [Unicode.Scalar] = ["}", "}"]
        var index = 0
        var line = 1
        var column = 1
        var textStart = 0

        func matches(_ pattern: [Unicode.Scalar], at position: Int) -> Bool {
            guard position + pattern.count <= scalars.count else { return false }
            for offset in pattern.indices where scalars[position + offset] != pattern[offset] { return false }
            return true
        }
        func string(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
        func advance(to end: Int) {
            while index < end {
                if scalars[index] == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index += 1
            }
        }

        while index < scalars.count {
            guard matches(open, at: index) else {
                advance(to: index + 1)
                continue
            }
            if textStart < index { tokens.append(.text(string(textStart..<index))) }
            let tagLine = line
            let tagColumn = column
            var bodyStart = index + open.count
            let triple = open == ["{", "{"] && bodyStart < scalars.count && scalars[bodyStart] == "{"
            if triple { bodyStart += 1 }
            var bodyEnd = bodyStart
            while bodyEnd < scalars.count && !matches(close, at: bodyEnd) { bodyEnd += 1 }
            guard bodyEnd < scalars.count else {
                throw TemplateSyntaxError(message: "a tag is not closed", line: tagLine, column: tagColumn)
            }
            var tagEnd = bodyEnd + close.count
            if triple {
                guard tagEnd < scalars.count, scalars[tagEnd] == "}" else {
                    throw TemplateSyntaxError(message: "'{{{' is not closed with '}}}'", line: tagLine, column: tagColumn)
                }
                tagEnd += 1
            }
            let body = string(bodyStart..<bodyEnd).trimmingWhitespace()
            advance(to: tagEnd)
            textStart = index
            if triple {
                tokens.append(.tag(kind: .unescaped, name: body, line: tagLine, column: tagColumn))
                continue
            }
            let sigil = body.first
            let rest = String(body.dropFirst()).trimmingWhitespace()
            let kind: TagKind
            switch sigil {
            case "#": kind = .section
            case "^": kind = .inverted
            case "/": kind = .close
            case ">": kind = .partial
            case "!": kind = .comment
            case "&": kind = .unescaped
            case "=":
                kind = .delimiters
                let parts = rest.hasSuffix("=") ? rest.dropLast().split(separator: " ") : []
                guard parts.count == 2 else {
                    throw TemplateSyntaxError(message: "a set-delimiter tag must look like {{=<% %>=}}", line: tagLine, column: tagColumn)
                }
                open = Array(parts[0].unicodeScalars)
                close = Array(parts[1].unicodeScalars)
            case "<": kind = .unsupported("template inheritance ({{<parent}}) is not supported; use partials ({{> name}})")
            case "$": kind = .unsupported("blocks ({{$name}}) are not supported; use partials ({{> name}})")
            case "%": kind = .unsupported("pragmas ({{% … }}) are not supported")
            default:
                tokens.append(.tag(kind: .variable, name: body, line: tagLine, column: tagColumn))
                continue
            }
            if case .unsupported(let message) = kind {
                throw TemplateSyntaxError(message: message, line: tagLine, column: tagColumn)
            }
            tokens.append(.tag(kind: kind, name: kind == .comment ? "" : rest, line: tagLine, column: tagColumn))
        }
        if textStart < scalars.count { tokens.append(.text(string(textStart..<scalars.count))) }
        return tokens
    }

    /// A section, inverted, closing, partial, comment or delimiter tag alone on its line (with
    /// white space only) takes its whole line with it; a standalone partial's indentation is
    /// applied to every line of the partial instead.
    private static func applyStandaloneRules(_ tokens: inout [Token], partialIndentation: inout [Int: String]) {
        var trims: [(index: Int, leading: Bool)] = []
        for (position, token) in tokens.enumerated() {
            guard case .tag(let kind, _, _, _) = token, kind.canStandAlone else { continue }
            let before: Substring?
            if position == 0 {
                before = ""
            } else if case .text(let text) = tokens[position - 1] {
                let lineStart = text.lastIndex(of: "\n").map { text.index(after: $0) }
                if let lineStart {
                    before = text[lineStart...]
                } else {
                    before = position == 1 ? text[...] : nil
                }
            } else {
                before = nil
            }
            guard let before, before.allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
            let afterOK: Bool
            if position + 1 == tokens.count {
                afterOK = true
            } else if case .text(let text) = tokens[position + 1] {
                let lineEnd = text.firstIndex(of: "\n") ?? text.endIndex
                let after = text[text.startIndex..<lineEnd]
                afterOK =
                    after.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
                    && (lineEnd != text.endIndex || position + 2 == tokens.count)
            } else {
                afterOK = false
            }
            guard afterOK else { continue }
            if kind == .partial { partialIndentation[position] = String(before) }
            if position > 0 { trims.append((position - 1, false)) }
            if position + 1 < tokens.count { trims.append((position + 1, true)) }
        }
        for trim in trims {
            guard case .text(var text) = tokens[trim.index] else { continue }
            if trim.leading {
                if let newline = text.firstIndex(of: "\n") {
                    text.removeSubrange(text.startIndex...newline)
                } else {
                    text = ""
                }
            } else {
                let lineStart = text.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
                text.removeSubrange(lineStart...)
            }
            tokens[trim.index] = .text(text)
        }
    }

    /// `a.b.c` → the numbers of `a`, `b` and `c`; `.` (the current value) → `[]`.
    private static func path(_ name: String) -> [Int] {
        name == "." ? [] : name.split(separator: ".", omittingEmptySubsequences: false).map { TemplateNames.number(String($0)) }
    }

    private static func build(
        _ tokens: [Token], from index: inout Int, partialIndentation: [Int: String],
        closing: (name: String, line: Int, column: Int)?
    ) throws -> [CompiledTemplate.Node] {
        var nodes: [CompiledTemplate.Node] = []
        while index < tokens.count {
            let position = index
            index += 1
            switch tokens[position] {
            case .text(let text):
                if !text.isEmpty { nodes.append(.text(text)) }
            case .tag(let kind, let name, let line, let column):
                switch kind {
                case .variable, .unescaped:
                    nodes.append(.variable(name: name, path: Self.path(name), escaped: kind == .variable, line: line, column: column))
                case .section, .inverted:
                    let children = try build(tokens, from: &index, partialIndentation: partialIndentation, closing: (name, line, column))
                    nodes.append(.section(name: name, path: Self.path(name), inverted: kind == .inverted, children: children, line: line, column: column))
                case .close:
                    guard let closing else {
                        throw TemplateSyntaxError(message: "'{{/\(name)}}' closes a section that was never opened", line: line, column: column)
                    }
                    guard closing.name == name else {
                        throw TemplateSyntaxError(
                            message: "'{{/\(name)}}' closes the section '\(closing.name)' opened at \(closing.line):\(closing.column)", line: line,
                            column: column)
                    }
                    return nodes
                case .partial:
                    nodes.append(.partial(name: name, indentation: partialIndentation[position] ?? "", line: line, column: column))
                case .comment, .delimiters, .unsupported:
                    continue
                }
            }
        }
        if let closing {
            throw TemplateSyntaxError(
                message: "the section '\(closing.name)' is never closed with '{{/\(closing.name)}}'", line: closing.line, column: closing.column)
        }
        return nodes
    }
}
