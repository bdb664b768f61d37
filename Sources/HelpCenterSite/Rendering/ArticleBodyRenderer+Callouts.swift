import Foundation
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
