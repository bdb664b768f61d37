import Foundation
import HelpCenterDiagnostics
import HelpCenterMarkdown
import HelpCenterSearch
import HelpCenterTemplates

/// Renders an article's Markdown tree to the site's HTML: GFM blocks and inlines, callouts
/// from GitHub alerts, figures with captions and intrinsic sizes, heading ids, links between
/// articles rewritten to page URLs, unsafe URLs and (by default) raw HTML left out.
/// Problems become diagnostics at their file position; rendering always completes.
public struct ArticleBodyRenderer {
    /// Ids the page templates use; headings never take them.
    public static let reservedIDs: Set<String> = [
        "main-content", "site-search", "search-input", "search-results", "toc", "feedback", "top", "article-title",
        // The contents list's name, and the image dialog's title (made by helpcenter.js).
        "toc-title", "image-dialog-title",
        // The feedback box's heading and its comment field's label.
        "feedback-title", "feedback-comment-text",
    ]

    let context: ArticleBodyContext
    let index: ContentIndex
    /// `../../` from this page to the site root, and the source file's folder, computed once.
    let rootPrefix: String
    let sourceDirectory: String
    var output = HTMLBuffer(capacity: 8192)
    var slugger = HeadingSlugger(reserved: ArticleBodyRenderer.reservedIDs)
    var headings: [ArticleHeading] = []
    var otherIDs: [String] = []
    var anchorReferences: [AnchorReference] = []
    var diagnostics: [Diagnostic] = []
    var firstParagraph: String?
    var searchText = SearchTextCollector()
    var citedRules: [LocatedValue<String>] = []
    var citedExampleRules: [String] = []
    var tightLists: [Bool] = []
    var calloutCount = 0
    var footnoteReferenceCounts: [String: Int] = [:]
    var footnoteCount = 0
    var handPicked: [HandPickedArticle] = []
    /// Where marks (references, labels) are on their source lines.
    var markSource = MarkSourceLines(markdown: "")
    /// Unknown labels' suggestions, by label (`labelSuggestion`).
    var labelSuggestions: [String: String] = [:]
    /// How often each table label was given, so that two tables under one heading differ.
    var tableLabelCounts: [String: Int] = [:]

    public static func render(_ document: MarkdownNode, context: ArticleBodyContext, index: ContentIndex) -> RenderedBody {
        var renderer = ArticleBodyRenderer(
            context: context, index: index, rootPrefix: String(repeating: "../", count: ContentPath.folderDepth(context.sitePath)),
            sourceDirectory: ContentPath.directory(of: context.sourcePath))
        renderer.searchText.isCollecting = context.collectsSearchText
        renderer.markSource = MarkSourceLines(markdown: context.markdown)
        renderer.renderDocument(document)
        if renderer.footnoteCount > 0 { renderer.output += "</ol>\n</section>\n" }
        renderer.searchText.endBlock()
        return RenderedBody(
            htmlText: renderer.output.text, headings: renderer.headings, otherIDs: renderer.otherIDs,
            anchorReferences: renderer.anchorReferences, diagnostics: renderer.diagnostics,
            firstParagraph: renderer.firstParagraph ?? "", searchBlocks: renderer.searchText.blocks,
            citedRules: renderer.citedRules, handPickedRelated: renderer.handPicked)
    }

    func location(of node: MarkdownNode) -> SourceLocation {
        SourceLocation(path: context.displayPath, line: context.bodyFirstLine - 1 + node.line, column: node.column)
    }

    mutating func report(_ severity: DiagnosticSeverity, _ message: String, at node: MarkdownNode, id: String) {
        diagnostics.append(Diagnostic(severity, message, at: location(of: node), id: id))
    }

    mutating func text(_ string: String) {
        output.appendEscaped(string)
    }

    mutating func renderChildren(of node: MarkdownNode) {
        for child in node.children { render(child) }
    }

    mutating func render(_ node: MarkdownNode) {
        // Texts and code spans, most of a body's nodes, are escaped from their bytes.
        switch node.literal {
        case .text?:
            let bytes = node.literalBytes
            // The skeleton's text, published (the length first: this runs for every text).
            if ArticleScaffold.mayBePlaceholder(count: bytes.count),
                case let text = String(decoding: bytes, as: UTF8.self), ArticleScaffold.placeholderSet.contains(text)
            {
                report(
                    .warning, "'\(text)' is the placeholder text that 'helpcenter new article' wrote; replace it with the article's own words",
                    at: node, id: "placeholder-text")
            }
            let marks = Self.bracketMarks(bytes.span)
            if marks.contains(.reference) { checkReferences(bytes.span, node: node) }
            if index.policy != nil && marks.contains(.label) {
                // The index gets the text as readers see it: labels without their [[ ]] marks.
                let shown = Array(renderText(String(decoding: bytes, as: UTF8.self), node: node).utf8)
                searchText.add(bytes: shown[...])
            } else {
                output.appendEscaped(bytes: bytes)
                searchText.add(bytes: bytes)
            }
            return
        case .code?:
            let bytes = node.literalBytes
            output += "<code>"
            output.appendEscaped(bytes: bytes)
            output += "</code>"
            searchText.add(bytes: bytes)
            return
        case .htmlInline?, nil:
            break
        }
        switch node.kind {
        case .document:
            renderChildren(of: node)
        case .blockQuote:
            if let callout = CalloutMatch(node) {
                renderCallout(callout, node: node)
            } else {
                if let marker = CalloutMatch.unknownMarker(node) {
                    report(.warning, CalloutMatch.unknownMarkerMessage(marker), at: node, id: "unknown-callout")
                }
                output += "<blockquote>\n"
                renderChildren(of: node)
                output += "</blockquote>\n"
            }
        case .list(let ordered, let start, let tight):
            tightLists.append(tight)
            if ordered {
                output += start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n"
            } else {
                output += "<ul>\n"
            }
            renderChildren(of: node)
            output += ordered ? "</ol>\n" : "</ul>\n"
            tightLists.removeLast()
        case .item(let task):
            searchText.endBlock()
            defer { searchText.endBlock() }
            if let checked = task {
                output += "<li class=\"task-list-item\"><input type=\"checkbox\" disabled"
                output += checked ? " checked aria-label=\"" : " aria-label=\""
                text(checked ? context.words.taskDone : context.words.taskNotDone)
                output += "\"> "
            } else {
                output += "<li>"
            }
            renderChildren(of: node)
            output += "</li>\n"
        case .codeBlock(let info, let literal):
            let language = info.split(separator: " ").first.map(String.init) ?? ""
            if language.isEmpty {
                output += "<pre><code>"
            } else {
                output += "<pre><code class=\"language-"
                text(language)
                output += "\">"
            }
            text(literal)
            output += "</code></pre>\n"
        case .htmlBlock(let literal):
            renderRawHTML(literal, node: node, block: true)
        case .paragraph:
            renderParagraph(node)
        case .heading(let level):
            renderHeading(node, level: level)
        case .thematicBreak:
            output += "<hr>\n"
        case .footnoteDefinition:
            renderFootnoteDefinition(node)
        case .table(let alignments):
            renderTable(node, alignments: alignments)
        case .tableRow, .tableCell:
            renderChildren(of: node)
            searchText.endBlock()
        case .text, .code:
            // Every text and code span is kept as bytes (`MarkdownNode.literal`): rendered above.
            break
        case .softBreak:
            output += "\n"
            searchText.addSpace()
        case .lineBreak:
            output += "<br>\n"
            searchText.addSpace()
        case .htmlInline(let literal):
            renderRawHTML(literal, node: node, block: false)
        case .emphasis:
            output += "<em>"
            renderChildren(of: node)
            output += "</em>"
        case .strong:
            output += "<strong>"
            renderChildren(of: node)
            output += "</strong>"
        case .strikethrough:
            output += "<del>"
            renderChildren(of: node)
            output += "</del>"
        case .link(let destination, let title):
            renderLink(node, destination: destination, title: title)
        case .image(let source, let title):
            renderImage(node, source: source, title: title, inFigure: false)
        case .footnoteReference(let number):
            renderFootnoteReference(number)
        }
    }

    mutating func renderParagraph(_ node: MarkdownNode) {
        if let image = Self.soleImage(in: node), case .image(let source, let title) = image.kind {
            renderImage(image, source: source, title: title, inFigure: true)
            return
        }
        if firstParagraph == nil { firstParagraph = node.plainText }
        let tight = tightLists.last ?? false
        if !tight { output += "<p>" }
        renderChildren(of: node)
        if !tight { output += "</p>\n" }
        searchText.endBlock()
    }

    /// The image of a paragraph that holds one image and nothing else but white space (a figure).
    static func soleImage(in paragraph: MarkdownNode) -> MarkdownNode? {
        var image: MarkdownNode?
        for child in paragraph.children {
            // Texts are looked at as bytes (asking for their `kind` would make a string).
            if child.literal == .text, isBlank(child) { continue }
            guard child.literal == nil else { return nil }
            switch child.kind {
            case .image:
                guard image == nil else { return nil }
                image = child
            case .softBreak:
                continue
            default:
                return nil
            }
        }
        return image
    }

    /// Whether a text node holds only spaces and tabs.
    static func isBlank(_ text: MarkdownNode) -> Bool {
        text.literalBytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// Removes leading and trailing spaces, tabs and line breaks.
    static func trimmed(_ text: String) -> String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        if first == bytes.startIndex && bytes.index(after: last) == bytes.endIndex { return text }
        return String(text[first...last])
    }

    mutating func renderHeading(_ node: MarkdownNode, level: Int) {
        var level = level
        if level == 1 {
            report(
                .warning,
                "a '#' heading in the body: the article's title is its page's only top-level heading; use '##' for sections (rendered as a level-2 heading)",
                at: node, id: "heading-level")
            level = 2
        }
        let title = labelsShown(Self.trimmed(node.plainText))
        let id = slugger.slug(for: title)
        headings.append(ArticleHeading(level: level, text: title, id: id))
        searchText.startHeading(headings.count - 1)
        defer { searchText.endHeading() }
        output += "<h"
        output.appendDecimal(level)
        output += " id=\""
        output += id
        output += "\">"
        renderChildren(of: node)
        output += "</h"
        output.appendDecimal(level)
        output += ">\n"
    }

    /// A table inside its scroll box: a labelled region that takes keyboard focus, so that a
    /// table wider than a phone's screen can be scrolled without a pointer.
    mutating func renderTable(_ node: MarkdownNode, alignments: [MarkdownTableAlignment]) {
        output += "<div class=\"table-wrapper\" role=\"region\" tabindex=\"0\" aria-label=\""
        text(tableLabel(node))
        output += "\">\n<table>\n"
        var inBody = false
        for row in node.children {
            guard case .tableRow(let isHeader) = row.kind else { continue }
            if isHeader {
                output += "<thead>\n"
            } else if !inBody {
                output += "<tbody>\n"
                inBody = true
            }
            output += "<tr>\n"
            for (column, cell) in row.children.enumerated() {
                let tag = isHeader ? "th" : "td"
                output += "<\(tag)"
                switch column < alignments.count ? alignments[column] : .none {
                case .left: output += " style=\"text-align: left\""
                case .center: output += " style=\"text-align: center\""
                case .right: output += " style=\"text-align: right\""
                case .none: break
                }
                output += ">"
                renderChildren(of: cell)
                searchText.endBlock()
                output += "</\(tag)>\n"
            }
            output += "</tr>\n"
            if isHeader { output += "</thead>\n" }
        }
        if inBody { output += "</tbody>\n" }
        output += "</table>\n</div>\n"
    }

    /// The name of a table's scroll box: "Table: " and the heading of its section, or its
    /// column headers when no heading comes before it; numbered when repeated.
    mutating func tableLabel(_ node: MarkdownNode) -> String {
        var label: String
        if let heading = headings.last {
            label = context.words.tablePrefix + heading.text
        } else {
            let columns = node.children.first.map { row in row.children.map { labelsShown(Self.trimmed($0.plainText)) }.filter { !$0.isEmpty } } ?? []
            label = columns.isEmpty ? context.words.table : context.words.tablePrefix + columns.joined(separator: ", ")
        }
        let count = (tableLabelCounts[label] ?? 0) + 1
        tableLabelCounts[label] = count
        if count > 1 { label += " (\(count))" }
        return label
    }

    mutating func renderRawHTML(_ literal: String, node: MarkdownNode, block: Bool) {
        if context.allowRawHTML {
            output += TagFilter.apply(literal)
            return
        }
        let trimmed = literal.trimmingWhitespace(newlines: true)
        // Comments are a writer's notes: leaving them out is what the writer expects.
        if trimmed.hasPrefix("<!--") && trimmed.hasSuffix("-->") { return }
        let preview = trimmed.count > 40 ? String(trimmed.prefix(40)) + "…" : trimmed
        report(
            .warning, "raw HTML is left out of the page: '\(preview)' (write Markdown instead, or set 'raw_html: true' in \(SiteConfiguration.fileName))",
            at: node, id: "raw-html")
    }
}
