import HelpCenterCalendar
import HelpCenterDiagnostics

/// The typed front matter of a help article.
public struct ArticleFrontMatter: Sendable, Equatable {
    public var title: String
    /// Where the title's value is written (findings about the title are reported there).
    public var titleLocation: SourceLocation?
    public var description: String?
    public var author: String?
    public var updated: CalendarDate?
    /// The collection named in front matter; it must agree with the article's folder.
    public var collection: String?
    public var order: Int?
    public var tags: [String]
    public var draft: Bool
    /// Old URLs of this article, each redirected to it.
    public var aliases: [LocatedValue<String>]
    /// The ids of the policy rules the article explains (its citations).
    public var rules: [LocatedValue<String>]
    /// Listed among the home page's most useful articles.
    public var featured = false
    /// How deep the table of contents goes (`toc_depth`): 2 lists the `##` sections, 3 also
    /// their `###` subsections; nil takes the site's `toc_depth`.
    public var tableOfContentsDepth: Int?
    /// In a translation: the version of the source it translates (`translation_of:`, the
    /// source's `updated` date or its body's hash; docs/languages.md).
    public var translationOf: LocatedValue<String>?

    public init(
        title: String, description: String? = nil, author: String? = nil, updated: CalendarDate? = nil,
        collection: String? = nil, order: Int? = nil, tags: [String] = [], draft: Bool = false,
        aliases: [LocatedValue<String>] = [], rules: [LocatedValue<String>] = [], tableOfContentsDepth: Int? = nil
    ) {
        self.title = title
        self.description = description
        self.author = author
        self.updated = updated
        self.collection = collection
        self.order = order
        self.tags = tags
        self.draft = draft
        self.aliases = aliases
        self.rules = rules
        self.tableOfContentsDepth = tableOfContentsDepth
    }

    /// The keys an article's front matter may use.
    public static let knownKeys: [String] = [
        "title", "description", "author", "updated", "collection", "order", "tags", "draft", "aliases", "rules", "featured", "toc_depth",
        "translation_of",
    ]

    /// The depths `toc_depth` accepts (in front matter and in `helpcenter.yaml`).
    public static let tableOfContentsDepths: ClosedRange<Int> = 2...3
}

/// The front matter of a collection's `_index.md` (and of the home page's `content/_index.md`).
public struct CollectionFrontMatter: Sendable, Equatable {
    public var title: String
    public var description: String?
    public var order: Int?
    /// In a translation (`_index.fr.md`): the version of the source it translates.
    public var translationOf: LocatedValue<String>?

    public init(title: String, description: String? = nil, order: Int? = nil) {
        self.title = title
        self.description = description
        self.order = order
    }

    public static let knownKeys: [String] = ["title", "description", "order", "translation_of"]
}

/// A value read from a source file, with where it was written.
public struct LocatedValue<Value: Sendable & Equatable>: Sendable, Equatable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}
