import HelpCenterMarkdown

/// An article a writer listed under a "Related articles" heading: shown first in the page's one
/// related-articles list, before the generated ones.
public struct HandPickedArticle: Sendable, Equatable {
    /// The link's text as the writer wrote it.
    public var title: String
    /// The target's site address, with the link's `#anchor` if it has one (`collection/article/#steps`).
    public var address: String
    /// The target's source path, so the generated list does not repeat it.
    public var sourcePath: String
}

extension ArticleBodyRenderer {
    /// The headings that introduce a written related-articles section (compared without case).
    static let relatedSectionTitles: Set<String> = ["related articles", "related", "see also"]

    /// Renders the document's blocks, lifting the first written related-articles section out of
    /// the body: a level-2 heading titled "Related articles" (or "Related", "See also"), then one
    /// list whose every item is a single link to an article of the site, then nothing before the
    /// next heading of level 1 or 2 (footnotes, which the parser puts at the end, aside). Its links become the hand-picked part of the page's one
    /// related-articles list (the page template shows it after the feedback box, with generated
    /// articles filling up to `related_articles`). Any other section under such a title stays
    /// in the body as written.
    mutating func renderDocument(_ document: MarkdownNode) {
        let blocks = document.children
        var position = 0
        while position < blocks.count {
            if handPicked.isEmpty, let links = handPickedSection(blocks, at: position) {
                handPicked = links
                position += 2
                continue
            }
            render(blocks[position])
            position += 1
        }
    }

    /// Whether a level-2 heading (lower-cased) introduces a written related-articles section:
    /// one of the English titles, or the page language's own (`related_articles` in the theme's
    /// strings, e.g. "Articles associés").
    private func isRelatedSectionTitle(_ title: String) -> Bool {
        Self.relatedSectionTitles.contains(title) || title == context.words.relatedArticles.lowercased()
    }

    /// The section's articles when `blocks[position]` starts a related-articles section that can
    /// be lifted; its links are resolved (and so checked) only then.
    private mutating func handPickedSection(_ blocks: MarkdownNode.Children, at position: Int) -> [HandPickedArticle]? {
        // The title is read last: most level-2 headings are not followed by a list.
        guard case .heading(level: 2) = blocks[position].kind,
            position + 1 < blocks.count, case .list = blocks[position + 1].kind,
            isRelatedSectionTitle(Self.trimmed(blocks[position].plainText).lowercased())
        else { return nil }
        // Footnote definitions are not the section's: libcmark-gfm moves them all to the end of
        // the document, after a last section.
        if position + 2 < blocks.count, blocks[position + 2].kind != .footnoteDefinition {
            guard case .heading(let level) = blocks[position + 2].kind, level <= 2 else { return nil }
        }
        var links: [(node: MarkdownNode, destination: String, page: ContentIndex.Page, lookup: InternalTarget)] = []
        for item in blocks[position + 1].children {
            guard item.children.count == 1, case .paragraph = item.children[0].kind, item.children[0].children.count == 1 else { return nil }
            let link = item.children[0].children[0]
            guard case .link(let destination, _) = link.kind, let first = destination.utf8.first, first != UInt8(ascii: "#"),
                !URLSafety.isExternal(destination)
            else { return nil }
            let lookup = internalTarget(destination)
            guard case .page(let page) = lookup.target else { return nil }
            links.append((link, destination, page, lookup))
        }
        var articles: [HandPickedArticle] = []
        for link in links {
            // Resolved as any body link is (with the target found above), so a missing anchor is
            // reported at the link.
            guard case .url = resolveLink(link.destination, node: link.node, lookedUp: link.lookup) else { continue }
            articles.append(
                HandPickedArticle(title: Self.trimmed(link.node.plainText), address: link.page.address + link.lookup.suffix, sourcePath: link.page.sourcePath))
        }
        return articles
    }
}
