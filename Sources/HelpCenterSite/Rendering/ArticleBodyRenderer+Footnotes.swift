import HelpCenterMarkdown
import HelpCenterTemplates

/// Footnotes as GitHub renders them: numbered references, and a list at the end of the
/// article with a link back to the first reference. libcmark-gfm numbers the references and
/// moves the definitions to the end in that order, so the n-th definition is footnote n.
extension ArticleBodyRenderer {
    mutating func renderFootnoteReference(_ number: String) {
        let count = (footnoteReferenceCounts[number] ?? 0) + 1
        footnoteReferenceCounts[number] = count
        let referenceID = "fnref-\(number)" + (count > 1 ? "-\(count)" : "")
        otherIDs.append(referenceID)
        output += "<sup class=\"footnote-ref\"><a href=\"#fn-\(number)\" id=\"\(referenceID)\" data-footnote-ref>\(number)</a></sup>"
    }

    mutating func renderFootnoteDefinition(_ node: MarkdownNode) {
        if footnoteCount == 0 {
            output += "<section class=\"footnotes\" data-footnotes>\n<h2 class=\"visually-hidden\">Footnotes</h2>\n<ol>\n"
        }
        footnoteCount += 1
        let number = footnoteCount
        otherIDs.append("fn-\(number)")
        output += "<li id=\"fn-\(number)\">\n"
        renderChildren(of: node)
        let backlink =
            " <a href=\"#fnref-\(number)\" class=\"footnote-backref\" aria-label=\"\(HTMLEscaping.escape(context.words.footnoteBack.replacingOccurrences(of: "{{number}}", with: "\(number)")))\">↩</a>"
        if output.hasSuffix("</p>\n") {
            output.removeLast("</p>\n".count)
            output += backlink + "</p>\n"
        } else {
            output += backlink + "\n"
        }
        output += "</li>\n"
    }
}
