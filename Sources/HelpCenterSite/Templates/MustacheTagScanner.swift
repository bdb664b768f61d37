import Foundation

/// Finds the tags of a Mustache template with their positions, for the variable checker.
/// (Parsing for rendering is swift-mustache's; this only locates names.)
struct MustacheTag: Equatable {
    enum Kind: Equatable {
        case variable, section, invertedSection, sectionEnd, partial, comment, setDelimiters, blockDefinition
    }

    var kind: Kind
    var name: String
    var line: Int
    var column: Int
}

enum MustacheTagScanner {
    static func tags(in text: String) -> [MustacheTag] {
        var tags: [MustacheTag] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var line = 1
        var column = 1
        var open: [Unicode.Scalar] = ["{", "{"]
        var close: [Unicode.Scalar] = ["}", "}"]

        func matches(_ pattern: [Unicode.Scalar], at position: Int) -> Bool {
            guard position + pattern.count <= scalars.count else { return false }
            for offset in 0..<pattern.count where scalars[position + offset] != pattern[offset] { return false }
            return true
        }

        while index < scalars.count {
            guard matches(open, at: index) else {
                if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
                index += 1
                continue
            }
            let tagLine = line, tagColumn = column
            var start = index + open.count
            var triple = false
            if open == ["{", "{"], start < scalars.count, scalars[start] == "{" {
                triple = true
                start += 1
            }
            var end = start
            while end < scalars.count && !matches(close, at: end) { end += 1 }
            let body = String(String.UnicodeScalarView(scalars[start..<min(end, scalars.count)]))
            var consumedEnd = min(end + close.count, scalars.count)
            if triple, consumedEnd < scalars.count, scalars[consumedEnd] == "}" { consumedEnd += 1 }
            for scalar in scalars[index..<consumedEnd] {
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            index = consumedEnd
            let trimmed = body.trimmingCharacters(in: .whitespaces)
            if triple {
                tags.append(MustacheTag(kind: .variable, name: trimmed, line: tagLine, column: tagColumn))
                continue
            }
            guard let sigil = trimmed.unicodeScalars.first else { continue }
            let rest = String(trimmed.unicodeScalars.dropFirst()).trimmingCharacters(in: .whitespaces)
            let kind: MustacheTag.Kind
            switch sigil {
            case "#": kind = .section
            case "^": kind = .invertedSection
            case "/": kind = .sectionEnd
            case ">", "<": kind = .partial
            case "!": kind = .comment
            case "$": kind = .blockDefinition
            case "&": kind = .variable
            case "=":
                kind = .setDelimiters
                let parts = rest.dropLast().split(separator: " ", omittingEmptySubsequences: true)
                if parts.count == 2 {
                    open = Array(parts[0].unicodeScalars)
                    close = Array(parts[1].unicodeScalars)
                }
            default:
                tags.append(MustacheTag(kind: .variable, name: trimmed, line: tagLine, column: tagColumn))
                continue
            }
            tags.append(MustacheTag(kind: kind, name: rest, line: tagLine, column: tagColumn))
        }
        return tags
    }
}
