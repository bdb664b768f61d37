import Foundation
import HelpCenterDiagnostics
import HelpCenterMarkdown
import HelpCenterTemplates

/// A block quote that starts with a GitHub alert marker (`> [!NOTE]`), or with one of the
/// project's directives: `> [!RULE] rule-id` (the rule's wording as a callout) and
/// `> [!EXAMPLE] Scenario name` (a scenario as a worked example).
struct CalloutMatch {
    enum Kind: Equatable {
        case alert(CalloutKind)
        case rule(String)
        case example(String)
    }

    var kind: Kind
    /// The block quote's children with the marker (and the line break after it) removed.
    var children: [MarkdownNode]

    init?(_ blockQuote: MarkdownNode) {
        guard let first = blockQuote.children.first, case .paragraph = first.kind,
            let lead = first.children.first, case .text(let line) = lead.kind
        else { return nil }
        var rest = Array(first.children.dropFirst())
        if let next = rest.first {
            switch next.kind {
            case .softBreak, .lineBreak: rest.removeFirst()
            default: return nil
            }
        }
        let trimmed = line.trimmingWhitespace()
        if trimmed.hasPrefix("[!RULE]") {
            kind = .rule(String(trimmed.dropFirst("[!RULE]".count)).trimmingWhitespace())
        } else if trimmed.hasPrefix("[!EXAMPLE]") {
            kind = .example(Self.plainPunctuation(String(trimmed.dropFirst("[!EXAMPLE]".count)).trimmingWhitespace()))
        } else if let alert = CalloutKind(marker: trimmed) {
            kind = .alert(alert)
        } else {
            return nil
        }
        var children = Array(blockQuote.children.dropFirst())
        if !rest.isEmpty {
            children.insert(MarkdownNode(.paragraph, children: rest, line: first.line, column: first.column), at: 0)
        }
        self.children = children
    }

    /// The marker of a block quote that starts like a callout (`> [!NOTEE]`, `> [!Rules] x`) but
    /// names none: it was published as it is, in a plain quote, without a word.
    static func unknownMarker(_ blockQuote: MarkdownNode) -> String? {
        guard let first = blockQuote.children.first, case .paragraph = first.kind,
            let lead = first.children.first, case .text(let line) = lead.kind
        else { return nil }
        let trimmed = line.trimmingWhitespace()
        guard trimmed.hasPrefix("[!"), let close = trimmed.firstIndex(of: "]") else { return nil }
        let name = trimmed[trimmed.index(trimmed.startIndex, offsetBy: 2)..<close]
        guard !name.isEmpty, name.count <= 20, name.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "_" }) else { return nil }
        return String(name)
    }

    /// The callout names an article may use, as written.
    static let knownMarkers = CalloutKind.allCases.map { $0.rawValue.uppercased() } + ["RULE", "EXAMPLE"]

    static func unknownMarkerMessage(_ name: String) -> String {
        if name == "RULE" || name == "EXAMPLE" {
            let what = name == "RULE" ? "the rule's id" : "the scenario's name"
            return "[!\(name)] takes \(what) as plain text on its line, without code, emphasis or links, so this quote is published with the marker as text; "
                + "write the name as it is in its file"
        }
        if CalloutKind(rawValue: name.lowercased()) != nil {
            return "[!\(name)] is a callout only alone on the quote's first line, so this quote is published with the marker as text; "
                + "start the callout's text on the next line"
        }
        let upper = Array(name.uppercased())
        let closest = knownMarkers.map { ($0, EditDistance.between(Array($0), upper, limit: 3)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }
        let hint = closest.map { " (did you mean [!\($0.0)]?)" } ?? ""
        let known = knownMarkers.map { "[!\($0)]" }.joined(separator: ", ")
        return "[!\(name)] is not a callout\(hint), so this quote is published with the marker as text; the callouts are \(known)"
    }

    /// Undoes smart punctuation, so a scenario name matches as it is written in its file.
    static func plainPunctuation(_ text: String) -> String {
        var plain = ""
        for character in text {
            switch character {
            case "\u{2018}", "\u{2019}": plain += "'"
            case "\u{201C}", "\u{201D}": plain += "\""
            case "\u{2013}": plain += "--"
            case "\u{2014}": plain += "---"
            case "\u{2026}": plain += "..."
            default: plain.append(character)
            }
        }
        return plain
    }
}

extension ArticleBodyRenderer {
    mutating func renderCallout(_ callout: CalloutMatch, node: MarkdownNode) {
        switch callout.kind {
        case .alert(let kind):
            renderAlert(kind, children: callout.children, node: node)
        case .rule(let id):
            renderRuleCallout(id, extra: callout.children, node: node)
        case .example(let name):
            renderExample(name, extra: callout.children, node: node)
        }
    }

    mutating func renderAlert(_ kind: CalloutKind, children: [MarkdownNode], node: MarkdownNode) {
        calloutCount += 1
        let titleID = "callout-\(calloutCount)"
        slugger.reserve(titleID)
        otherIDs.append(titleID)
        output += "<aside class=\"callout callout-\(kind.rawValue)\" role=\"note\" aria-labelledby=\"\(titleID)\">\n"
        output += "<p class=\"callout-title\" id=\"\(titleID)\">\(kind.icon)<span>"
        // The label is the theme's word (templates/strings/<language>.yaml): text, like any other.
        text(context.words.label(kind))
        output += "</span></p>\n"
        if children.isEmpty {
            report(
                .warning, "empty \(kind.label.lowercased()) callout: write its text on the lines after [!\(kind.rawValue.uppercased())]", at: node,
                id: "callout")
        }
        for child in children { render(child) }
        output += "</aside>\n"
    }
}
