import HelpCenterMarkdown

/// A block quote that starts with a GitHub alert marker (`> [!NOTE]`).
struct CalloutMatch {
    var kind: CalloutKind
    /// The block quote's children with the marker (and the line break after it) removed.
    var children: [MarkdownNode]

    init?(_ blockQuote: MarkdownNode) {
        guard let first = blockQuote.children.first, case .paragraph = first.kind else { return nil }
        // The marker may come as several text nodes ("[", "!NOTE", "]"); it must fill the first line.
        var marker = ""
        var consumed = 0
        for inline in first.children {
            if case .text(let literal) = inline.kind {
                marker += literal
                consumed += 1
                if marker.count > 16 { return nil }
            } else {
                break
            }
        }
        guard let kind = CalloutKind(marker: marker) else { return nil }
        var rest = Array(first.children.dropFirst(consumed))
        if let next = rest.first {
            switch next.kind {
            case .softBreak, .lineBreak: rest.removeFirst()
            default: return nil
            }
        }
        self.kind = kind
        var children = Array(blockQuote.children.dropFirst())
        if !rest.isEmpty {
            children.insert(MarkdownNode(.paragraph, children: rest, line: first.line, column: first.column), at: 0)
        }
        self.children = children
    }
}

extension ArticleBodyRenderer {
    mutating func renderCallout(_ callout: CalloutMatch, node: MarkdownNode) {
        calloutCount += 1
        let titleID = "callout-\(calloutCount)"
        slugger.reserve(titleID)
        otherIDs.append(titleID)
        output += "<aside class=\"callout callout-\(callout.kind.rawValue)\" role=\"note\" aria-labelledby=\"\(titleID)\">\n"
        output += "<p class=\"callout-title\" id=\"\(titleID)\">\(callout.kind.icon)<span>\(callout.kind.label)</span></p>\n"
        if callout.children.isEmpty {
            report(.warning, "empty \(callout.kind.label.lowercased()) callout: write its text on the lines after [!\(callout.kind.rawValue.uppercased())]", at: node, id: "callout")
        }
        for child in callout.children { render(child) }
        output += "</aside>\n"
    }
}
