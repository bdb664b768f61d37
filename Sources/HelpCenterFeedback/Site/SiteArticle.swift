/// An article of the published site, as the collector knows it.
public struct SiteArticle: Sendable, Hashable {
    /// The site path (`collection/article/`), as the widget's `data-article`.
    public var path: String
    public var title: String
    /// The `updated:` date (`2026-11-29`), if the article has one.
    public var updated: String?
    /// A short hash of the article's text as published (its title and body).
    public var revision: String

    public init(path: String, title: String, updated: String?, revision: String) {
        self.path = path
        self.title = title
        self.updated = updated
        self.revision = revision
    }
}
