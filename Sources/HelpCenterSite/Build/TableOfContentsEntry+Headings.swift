import HelpCenterTemplates

extension TableOfContentsEntry {
    /// The table of contents of an article's headings (in page order): its `##` sections and,
    /// when `depth` is 3, their `###` subsections. At depth 3 a `###` before the first `##` is
    /// an entry of its own; at depth 2 it is left out. Deeper headings never appear.
    static func entries(for headings: [ArticleHeading], depth: Int) -> [TableOfContentsEntry] {
        var entries: [TableOfContentsEntry] = []
        for heading in headings where heading.level <= min(depth, 3) {
            if heading.level == 3, !entries.isEmpty {
                entries[entries.count - 1].subsections.append(TableOfContentsSubsection(title: heading.text, id: heading.id))
            } else {
                entries.append(TableOfContentsEntry(title: heading.text, id: heading.id, subsections: []))
            }
        }
        return entries
    }
}
