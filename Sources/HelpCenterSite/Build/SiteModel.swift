import Foundation
import HelpCenterDiagnostics
import HelpCenterTemplates

/// The published site as ordered collections of articles, made from the first pass's records.
struct SiteModel: Sendable {
    struct Article: Sendable {
        var record: PageRecord
        var matter: ArticleFrontMatter
        var collection: String
        var summary: ArticleSummary
    }

    struct Collection: Sendable {
        var slug: String
        var record: PageRecord?
        var title: String
        var description: String?
        var order: Int?
        var articles: [Article]
        var summary: CollectionSummary

        /// Where the collection's page is written (`collection/`, not encoded).
        var sitePath: String { slug + "/" }
    }

    var home: PageRecord?
    var collections: [Collection]
    var diagnostics: [Diagnostic] = []

    var articleCount: Int { collections.reduce(0) { $0 + $1.articles.count } }

    /// Calls `body` with every article, in site order, without copying it. An article holds a
    /// few dozen strings, and `for article in collection.articles` copies each one (retaining
    /// every string) before the loop body looks at it.
    func forEachArticle(_ body: (borrowing Article) throws -> Void) rethrows {
        try forEach(collection: { _ in }, article: body)
    }

    /// Calls `collectionBody` with each collection, then `articleBody` with each of its
    /// articles, in site order, copying neither (see `forEachArticle`).
    func forEach(collection collectionBody: (borrowing Collection) throws -> Void, article articleBody: (borrowing Article) throws -> Void)
        rethrows
    {
        for c in collections.indices {
            try collectionBody(collections[c])
            for a in collections[c].articles.indices { try articleBody(collections[c].articles[a]) }
        }
    }

    /// How many of a collection's articles the home page lists (`home_articles_per_collection`).
    let homeArticleLimit: Int
    /// The pages' language (`DateInfo`'s text).
    let language: String

    init(records: [PageRecord], configuration: SiteConfiguration, words: ThemeStrings? = nil) {
        homeArticleLimit = configuration.homeArticlesPerCollection
        language = configuration.language
        var indexes: [String: PageRecord] = [:]
        var articlesByCollection: [String: [Article]] = [:]
        home = nil
        var diagnostics: [Diagnostic] = []
        for record in records {
            switch record.kind {
            case .home:
                home = record
            case .collection(let slug):
                indexes[slug] = record
            case .article(let collection, _):
                guard record.isPublished, let matter = record.article else { continue }
                if let named = matter.collection, named != collection, named != indexes[collection]?.collection?.title {
                    diagnostics.append(
                        .warning(
                            "front matter names collection '\(named)', but the article is in the folder '\(collection)'; the folder decides",
                            at: SourceLocation(path: record.displayPath), id: "collection"))
                }
                articlesByCollection[collection, default: []].append(
                    Article(record: record, matter: matter, collection: collection, summary: Self.summary(record, matter, language: configuration.language)))
            }
        }
        var collections: [Collection] = []
        for slug in Array(articlesByCollection.keys) {
            // Taken out of the dictionary, so that it is sorted in place rather than copied.
            var articles = articlesByCollection.removeValue(forKey: slug) ?? []
            articles.sort {
                ($0.matter.order ?? Int.max, $0.matter.title, $0.record.sourcePath) < ($1.matter.order ?? Int.max, $1.matter.title, $1.record.sourcePath)
            }
            // Two articles of one collection with the same title look the same in its list, the
            // header's search and the related lists: said, at the later one in the list.
            var seenTitles: [String: String] = [:]
            for article in articles {
                let key = article.matter.title.trimmingWhitespace().lowercased()
                if let first = seenTitles[key] {
                    diagnostics.append(
                        .warning(
                            "another article of this collection, \(first), has the same title ('\(article.matter.title)'); readers can't tell the two apart in lists and search results: give each its own title",
                            at: article.matter.titleLocation ?? SourceLocation(path: article.record.displayPath), id: "duplicate-title"))
                } else {
                    seenTitles[key] = article.record.displayPath
                }
            }
            let record = indexes[slug]
            let title = record?.collection?.title ?? Self.titleFromFolder(slug)
            let description = record?.collection?.description
            var summary = CollectionSummary(
                title: title, description: description, path: PageAddress.encode(slug) + "/", articleCount: articles.count,
                articles: Array(articles.prefix(homeArticleLimit).map(\.summary)),
                hasMoreArticles: articles.count > homeArticleLimit)
            summary.articleCountText = words?.text(
                articles.count == 1 ? "article_count_one" : "article_count_other", ["count": "\(articles.count)"])
            collections.append(
                Collection(
                    slug: slug, record: record, title: title, description: description,
                    order: record?.collection?.order, articles: articles, summary: summary))
        }
        self.collections = collections.sorted {
            ($0.order ?? Int.max, $0.title, $0.slug) < ($1.order ?? Int.max, $1.title, $1.slug)
        }
        self.diagnostics = diagnostics
    }

    static func summary(_ record: PageRecord, _ matter: ArticleFrontMatter, language: String) -> ArticleSummary {
        ArticleSummary(
            title: matter.title, description: summaryText(matter.description, record.body?.firstParagraph),
            path: record.address, updated: matter.updated.map { DateInfo($0, language: language) }, isDraft: matter.draft)
    }

    /// Replaces articles whose place in the site cannot have moved (same title, order, draft
    /// state, collection key and aliases as before) with their new records, in place; false
    /// when any of them may have moved (the model must then be made anew).
    mutating func patch(_ records: [PageRecord]) -> Bool {
        var updates: [(Int, Int, Article)] = []
        for record in records {
            guard let new = record.article, record.isPublished, case .article(let collection, _) = record.kind,
                let c = collections.firstIndex(where: { $0.slug == collection }),
                let i = collections[c].articles.firstIndex(where: { $0.record.sourcePath == record.sourcePath })
            else { return false }
            let old = collections[c].articles[i].matter
            guard old.title == new.title, old.order == new.order, old.draft == new.draft, old.collection == new.collection,
                old.aliases.map(\.value) == new.aliases.map(\.value)
            else { return false }
            updates.append((c, i, Article(record: record, matter: new, collection: collection, summary: Self.summary(record, new, language: language))))
        }
        for (c, i, article) in updates {
            collections[c].articles[i] = article
            collections[c].summary.articles = Array(collections[c].articles.prefix(homeArticleLimit).map(\.summary))
        }
        return true
    }

    /// `getting-started` → `Getting started`.
    static func titleFromFolder(_ slug: String) -> String {
        let words = slug.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// The front-matter description, or the first paragraph shortened to about 160 characters.
    static func summaryText(_ description: String?, _ firstParagraph: String?) -> String? {
        if let description, !description.isEmpty { return description }
        guard let paragraph = firstParagraph?.trimmingWhitespace(newlines: true), !paragraph.isEmpty else { return nil }
        guard paragraph.count > 160 else { return paragraph }
        let cut = paragraph.prefix(160)
        let atWord = cut.lastIndex(of: " ").map { cut[cut.startIndex..<$0] } ?? cut
        return atWord + "…"
    }
}
