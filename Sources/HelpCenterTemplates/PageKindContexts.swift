/// The value each page kind's template receives. A template may use only the fields its
/// page kind declares here; the template checker reports any other name as an error.

/// What the shared `layout` template receives for every page.
public struct LayoutContext: TemplateContext {
    public var site: SiteInfo
    /// The relative path from this page back to the site root (`../../`), or the base path on the 404 page.
    public var root: String
    public var title: String
    public var description: String?
    public var canonicalURL: String?
    public var kind: String
    public var isHome: Bool
    public var isCollection: Bool
    public var isArticle: Bool
    public var isNotFound: Bool
    public var isSearch: Bool
    public var isDraft: Bool
    /// The collections the header names: the first `header_collections` by order.
    public var collections: [CollectionSummary]
    /// The site's number of collections, and whether the header names fewer than that (it then
    /// links to the page of all collections).
    public var collectionCount: Int
    public var hasMoreCollections: Bool { collectionCount > collections.count }
    /// `collections/`, the page listing every collection (home when the templates have none).
    public var allCollectionsPath: String
    /// `article` or `website`, for Open Graph.
    public var openGraphType: String
    /// When the page's content last changed (an article's `updated`).
    public var modified: DateInfo?
    /// The page's JSON-LD (schema.org), safe inside a script element: print it with `{{{structuredData}}}`.
    public var structuredData: String?
    /// The page's own HTML, rendered from its kind's template.
    public var content: HTMLText
    /// The language switcher (every language of the site, this page's marked current) and the
    /// page's `hreflang` alternates: empty in a site with one language.
    public var languages: [LanguageLink] = []
    public var alternates: [AlternateLink] = []
    public var hasLanguages: Bool { !languages.isEmpty }

    package init(
        site: SiteInfo, root: String, title: String, description: String?, canonicalURL: String?, kind: String, isHome: Bool, isCollection: Bool,
        isArticle: Bool, isNotFound: Bool, isSearch: Bool, isDraft: Bool, collections: [CollectionSummary], collectionCount: Int,
        allCollectionsPath: String, openGraphType: String, modified: DateInfo?, structuredData: String?, content: HTMLText
    ) {
        self.site = site
        self.root = root
        self.title = title
        self.description = description
        self.canonicalURL = canonicalURL
        self.kind = kind
        self.isHome = isHome
        self.isCollection = isCollection
        self.isArticle = isArticle
        self.isNotFound = isNotFound
        self.isSearch = isSearch
        self.isDraft = isDraft
        self.collections = collections
        self.collectionCount = collectionCount
        self.allCollectionsPath = allCollectionsPath
        self.openGraphType = openGraphType
        self.modified = modified
        self.structuredData = structuredData
        self.content = content
    }

    public static let templateFields: TemplateFields<LayoutContext> = [
        "site": .object(\.site),
        "root": .text(\.root),
        "title": .text(\.title),
        "description": .optionalText(\.description),
        "canonicalURL": .optionalText(\.canonicalURL),
        "kind": .text(\.kind),
        "isHome": .flag { $0.isHome },
        "isCollection": .flag { $0.isCollection },
        "isArticle": .flag { $0.isArticle },
        "isNotFound": .flag { $0.isNotFound },
        "isSearch": .flag { $0.isSearch },
        "isDraft": .flag { $0.isDraft },
        "collections": .list(\.collections),
        "collectionCount": .number { $0.collectionCount },
        "hasMoreCollections": .flag { $0.hasMoreCollections },
        "allCollectionsPath": .text(\.allCollectionsPath),
        "openGraphType": .text(\.openGraphType),
        "modified": .object(\.modified),
        "structuredData": .optionalText(\.structuredData),
        "content": .html { $0.content },
        "languages": .list(\.languages),
        "alternates": .list(\.alternates),
        "hasLanguages": .flag { $0.hasLanguages },
    ]
}

/// The home page: a search, the most useful articles, and the first collections with their
/// first articles.
public struct HomePageContext: TemplateContext {
    public var site: SiteInfo
    public var root: String
    public var title: String
    public var description: String?
    public var introduction: String?
    /// The first `home_collections` collections by order.
    public var collections: [CollectionSummary]
    public var collectionCount: Int
    public var hasMoreCollections: Bool { collectionCount > collections.count }
    public var allCollectionsPath: String
    /// The articles marked `featured: true` (or, when none is, the first articles of the site).
    public var featured: [ArticleSummary]
    public var hasFeatured: Bool { !featured.isEmpty }

    package init(
        site: SiteInfo, root: String, title: String, description: String?, introduction: String?, collections: [CollectionSummary], collectionCount: Int,
        allCollectionsPath: String, featured: [ArticleSummary]
    ) {
        self.site = site
        self.root = root
        self.title = title
        self.description = description
        self.introduction = introduction
        self.collections = collections
        self.collectionCount = collectionCount
        self.allCollectionsPath = allCollectionsPath
        self.featured = featured
    }

    public static let templateFields: TemplateFields<HomePageContext> = [
        "site": .object(\.site),
        "root": .text(\.root),
        "title": .text(\.title),
        "description": .optionalText(\.description),
        "introduction": .optionalText(\.introduction),
        "collections": .list(\.collections),
        "collectionCount": .number { $0.collectionCount },
        "hasMoreCollections": .flag { $0.hasMoreCollections },
        "allCollectionsPath": .text(\.allCollectionsPath),
        "featured": .list(\.featured),
        "hasFeatured": .flag { $0.hasFeatured },
    ]
}

/// A collection page: its articles in order.
public struct CollectionPageContext: TemplateContext {
    public var site: SiteInfo
    public var root: String
    public var collection: CollectionSummary
    public var introduction: String?
    /// This page's articles: all of them, or one page's worth (`collection_page_size`).
    public var articles: [ArticleSummary]
    public var breadcrumbs: [Breadcrumb]
    /// The numbered pages, when the collection has more than one.
    public var pagination: Pagination?

    package init(
        site: SiteInfo, root: String, collection: CollectionSummary, introduction: String?, articles: [ArticleSummary], breadcrumbs: [Breadcrumb],
        pagination: Pagination?
    ) {
        self.site = site
        self.root = root
        self.collection = collection
        self.introduction = introduction
        self.articles = articles
        self.breadcrumbs = breadcrumbs
        self.pagination = pagination
    }

    public static let templateFields: TemplateFields<CollectionPageContext> = [
        "site": .object(\.site),
        "root": .text(\.root),
        "collection": .object(\.collection),
        "introduction": .optionalText(\.introduction),
        "articles": .list(\.articles),
        "breadcrumbs": .list(\.breadcrumbs),
        "pagination": .object(\.pagination),
    ]
}

/// The fields of the article being shown.
public struct ArticleDetails: TemplateContext {
    public var title: String
    public var description: String?
    public var author: String?
    public var updated: DateInfo?
    public var path: String
    public var body: HTMLText
    public var tableOfContents: [TableOfContentsEntry]
    public var hasTableOfContents: Bool
    public var tags: [TagInfo]
    public var isDraft: Bool
    /// On a page of another language that shows the default language's article (its
    /// translation is missing): that language's tag and name, for the notice and `lang`.
    public var fallbackLanguage: String?
    public var fallbackLanguageName: String?
    /// The page's address from the site's root, its language's prefix included (`fr/c/a/`;
    /// `path` in the default language): what the feedback box names, so that the votes on each
    /// language's page are kept apart with that page's own text (`helpcenter feedback`).
    public var sitePath: String

    package init(
        title: String, description: String?, author: String?, updated: DateInfo?, path: String, body: HTMLText, tableOfContents: [TableOfContentsEntry],
        hasTableOfContents: Bool, tags: [TagInfo], isDraft: Bool
    ) {
        self.title = title
        self.description = description
        self.author = author
        self.updated = updated
        self.path = path
        self.body = body
        self.tableOfContents = tableOfContents
        self.hasTableOfContents = hasTableOfContents
        self.tags = tags
        self.isDraft = isDraft
        self.sitePath = path
    }

    public static let templateFields: TemplateFields<ArticleDetails> = [
        "title": .text(\.title),
        "description": .optionalText(\.description),
        "author": .optionalText(\.author),
        "updated": .object(\.updated),
        "path": .text(\.path),
        "body": .html { $0.body },
        "tableOfContents": .list(\.tableOfContents),
        "hasTableOfContents": .flag { $0.hasTableOfContents },
        "tags": .list(\.tags),
        "isDraft": .flag { $0.isDraft },
        "fallbackLanguage": .optionalText(\.fallbackLanguage),
        "fallbackLanguageName": .optionalText(\.fallbackLanguageName),
        "sitePath": .text(\.sitePath),
    ]
}

/// An article page.
public struct ArticlePageContext: TemplateContext {
    public var site: SiteInfo
    public var root: String
    public var article: ArticleDetails
    public var collection: CollectionSummary
    public var breadcrumbs: [Breadcrumb]
    public var previous: ArticleSummary?
    public var next: ArticleSummary?
    public var related: [ArticleSummary]
    public var hasRelated: Bool { !related.isEmpty }

    package init(
        site: SiteInfo, root: String, article: ArticleDetails, collection: CollectionSummary, breadcrumbs: [Breadcrumb], previous: ArticleSummary?,
        next: ArticleSummary?, related: [ArticleSummary]
    ) {
        self.site = site
        self.root = root
        self.article = article
        self.collection = collection
        self.breadcrumbs = breadcrumbs
        self.previous = previous
        self.next = next
        self.related = related
    }

    public static let templateFields: TemplateFields<ArticlePageContext> = [
        "site": .object(\.site),
        "root": .text(\.root),
        "article": .object(\.article),
        "collection": .object(\.collection),
        "breadcrumbs": .list(\.breadcrumbs),
        "previous": .object(\.previous),
        "next": .object(\.next),
        "related": .list(\.related),
        "hasRelated": .flag { $0.hasRelated },
    ]
}

/// The 404 page, served for any missing path: its links use the site's base path.
public struct NotFoundPageContext: TemplateContext {
    public var site: SiteInfo
    public var root: String
    public var collections: [CollectionSummary]

    package init(site: SiteInfo, root: String, collections: [CollectionSummary]) {
        self.site = site
        self.root = root
        self.collections = collections
    }

    public static let templateFields: TemplateFields<NotFoundPageContext> = [
        "site": .object(\.site),
        "root": .text(\.root),
        "collections": .list(\.collections),
    ]
}

/// A redirect page written for each of an article's `aliases`.
public struct RedirectPageContext: TemplateContext {
    public var site: SiteInfo
    public var root: String
    public var title: String
    /// The relative URL of the article the old address now leads to.
    public var target: String
    /// The target's absolute URL (nil without an absolute `base_url`).
    public var canonicalURL: String?

    package init(site: SiteInfo, root: String, title: String, target: String, canonicalURL: String?) {
        self.site = site
        self.root = root
        self.title = title
        self.target = target
        self.canonicalURL = canonicalURL
    }

    public static let templateFields: TemplateFields<RedirectPageContext> = [
        "site": .object(\.site),
        "root": .text(\.root),
        "title": .text(\.title),
        "target": .text(\.target),
        "canonicalURL": .optionalText(\.canonicalURL),
    ]
}

/// The search page: results appear as the reader types (the script reads the build's index).
public struct SearchPageContext: TemplateContext {
    public var site: SiteInfo
    public var root: String
    public var collections: [CollectionSummary]

    package init(site: SiteInfo, root: String, collections: [CollectionSummary]) {
        self.site = site
        self.root = root
        self.collections = collections
    }

    public static let templateFields: TemplateFields<SearchPageContext> = [
        "site": .object(\.site),
        "root": .text(\.root),
        "collections": .list(\.collections),
    ]
}

/// One rule on the readers' rules page: its wording and the articles that explain it.
public struct PolicyRuleRow: TemplateContext {
    /// The rule's id, for its anchor (`#rule-<id>`, which rule callouts link to).
    public var id: String
    public var title: String
    public var sentence: String
    public var changed: DateInfo?
    /// The team's decision where the source article is silent (shown as such).
    public var derived: Bool
    public var articles: [ArticleSummary]
    public var hasArticles: Bool { !articles.isEmpty }

    package init(id: String, title: String, sentence: String, changed: DateInfo?, derived: Bool, articles: [ArticleSummary]) {
        self.id = id
        self.title = title
        self.sentence = sentence
        self.changed = changed
        self.derived = derived
        self.articles = articles
    }

    public static let templateFields: TemplateFields<PolicyRuleRow> = [
        "id": .text(\.id),
        "title": .text(\.title),
        "sentence": .text(\.sentence),
        "changed": .object(\.changed),
        "derived": .flag { $0.derived },
        "articles": .list(\.articles),
        "hasArticles": .flag { $0.hasArticles },
    ]
}

/// One arrow of the rules page's diagram, in words: an action and the states it leads from
/// and to.
public struct DiagramChange: TemplateContext {
    public var action: String
    public var from: String
    public var to: String

    package init(action: String, from: String, to: String) {
        self.action = action
        self.from = from
        self.to = to
    }

    public static let templateFields: TemplateFields<DiagramChange> = [
        "action": .text(\.action),
        "from": .text(\.from),
        "to": .text(\.to),
    ]
}

/// The readers' rules page: every rule in the articles' words with the articles that
/// explain it, and the state diagram drawn at build time (with the same in words).
public struct PolicyPageContext: TemplateContext {
    public var site: SiteInfo
    public var root: String
    public var rules: [PolicyRuleRow]
    /// The diagram as inline SVG markup (print it with `{{{diagram}}}`).
    public var diagram: String
    public var diagramDescription: String
    /// The diagram's arrows in words, for a list beside it.
    public var changes: [DiagramChange]

    package init(site: SiteInfo, root: String, rules: [PolicyRuleRow], diagram: String, diagramDescription: String, changes: [DiagramChange]) {
        self.site = site
        self.root = root
        self.rules = rules
        self.diagram = diagram
        self.diagramDescription = diagramDescription
        self.changes = changes
    }

    public static let templateFields: TemplateFields<PolicyPageContext> = [
        "site": .object(\.site),
        "root": .text(\.root),
        "rules": .list(\.rules),
        "diagram": .text(\.diagram),
        "diagramDescription": .text(\.diagramDescription),
        "changes": .list(\.changes),
    ]
}
