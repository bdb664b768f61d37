import Foundation
import HelpCenterCalendar
import HelpCenterConcurrency
import HelpCenterDiagnostics
import HelpCenterSearch
import HelpCenterTemplates

/// Second pass: turns the site model into pages through the templates and writes them, in
/// parallel, plus the sitemap.
struct PageWriter: Sendable {
    let site: SiteModel
    let templates: SiteTemplates
    let configuration: SiteConfiguration
    let output: any SiteOutput
    let redirects: [RedirectPage]
    let policy: SitePolicy?
    /// Render with swift-mustache instead of the compiled renderer (tests).
    var useReferenceRenderer = false
    /// The words of every article, collected as their pages were rendered: `write` writes the
    /// index's manifest and shards from it (the fragments were written with the pages).
    var searchIndex: SearchIndexAccumulator?
    /// In a site with more than one language: the other languages' versions of each page.
    var languageSwitch: LanguageSwitch?
    /// The theme's strings in the page's language, for the titles written here; nil: English.
    var words: ThemeStrings?

    /// A word of the theme (`key`), or `english` when the theme has no strings file.
    func word(_ key: String, _ english: String, _ arguments: [String: String] = [:]) -> String {
        words?.text(key, arguments) ?? english
    }

    init(
        site: SiteModel, templates: SiteTemplates, configuration: SiteConfiguration, output: any SiteOutput, redirects: [RedirectPage],
        policy: SitePolicy?, useReferenceRenderer: Bool = false, languageSwitch: LanguageSwitch? = nil, words: ThemeStrings? = nil
    ) {
        self.words = words
        self.site = site
        self.templates = templates
        self.configuration = configuration
        self.output = output
        self.redirects = redirects
        self.policy = policy
        self.useReferenceRenderer = useReferenceRenderer
        self.languageSwitch = languageSwitch
    }

    enum Job: Sendable {
        case home
        /// Page `page` (from 1) of a collection.
        case collection(Int, page: Int)
        case allCollections
        case article(collection: Int, article: Int)
        case notFound
        case search
        case policy
        case redirect(Int)
    }

    /// The paths every page of the site is written to, each with what writes it (for the
    /// alias and static-file collision checks: "the article content/guides/settings.md").
    static func pagePaths(of site: SiteModel, pageSize: Int, displayPath: (String) -> String) -> [String: String] {
        var paths: [String: String] = [
            "index.html": "the home page", "404.html": "the page for a missing address", "sitemap.xml": "the sitemap",
            "search/index.html": "the search page", SearchIndexFiles.folder + SearchIndexFiles.manifestName: "the search index",
            "policy/index.html": "the policy page", "collections/index.html": "the list of collections",
        ]
        site.forEach(
            collection: { collection in
                for page in 1...pageCount(collection, pageSize: pageSize) {
                    paths[collectionPagePath(collection, page: page) + "index.html"] =
                        "the collection '\(collection.title)'" + (page == 1 ? "" : " (its page \(page))")
                }
            },
            article: { article in paths[ContentPath.pageFile(article.record.sitePath)] = "the article \(displayPath(article.record.sourcePath))" })
        return paths
    }

    /// The site's own fields, as every template receives them; its URLs through
    /// `URLSafety.publishable` (`SiteBuilder.checkConfigurationURLs` reports one it refuses).
    var siteInfo: SiteInfo {
        var info = SiteInfo(
            name: configuration.name, description: configuration.description.isEmpty ? nil : configuration.description,
            language: configuration.language, baseURL: URLSafety.publishable(configuration.baseURL) ?? "/",
            feedbackEndpoint: configuration.feedbackEndpoint.flatMap { URLSafety.publishable($0) })
        info.direction = languageSwitch?.current.direction.rawValue ?? (SiteLanguage.direction(of: configuration.language) == .rightToLeft ? "rtl" : nil)
        info.languageName = languageSwitch?.current.name
        return info
    }

    /// Every page job of the site.
    func allJobs() -> [Job] {
        var jobs: [Job] = [.home, .notFound]
        if templates.has(.search) { jobs.append(.search) }
        if policy != nil && templates.has(.policy) { jobs.append(.policy) }
        if templates.has(.allCollections) { jobs.append(.allCollections) }
        for (collectionIndex, collection) in site.collections.enumerated() {
            jobs += collectionJobs(collectionIndex)
            for articleIndex in collection.articles.indices {
                jobs.append(.article(collection: collectionIndex, article: articleIndex))
            }
        }
        return jobs + redirects.indices.map { Job.redirect($0) }
    }

    /// Renders the given pages (in parallel) without writing them: output path → bytes, with
    /// the search index (all of it, from the articles' kept `SearchDocument`s) and the sitemap,
    /// which list every article.
    func renderPages(_ jobs: [Job], related cached: RelatedArticles? = nil, sitemap withSitemap: Bool = true, searchIndex withSearchIndex: Bool = true)
        -> [String: Data]
    {
        let navigation = site.collections.map(\.summary)
        let related = cached ?? RelatedArticles(site)
        let pages = parallelMap(jobs) { job -> (String, Data) in
            let (path, html) = render(job, siteInfo: siteInfo, navigation: navigation, byTag: related)
            return (path, html)
        }
        var files = Dictionary(pages, uniquingKeysWith: { first, _ in first })
        if withSitemap, let sitemap = sitemap() { files["sitemap.xml"] = Data(sitemap.utf8) }
        if withSearchIndex {
            for file in SearchIndexFiles.all(searchDocuments(), settings: configuration.searchSettings) {
                files[SearchIndexFiles.folder + file.name] = Data(file.bytes)
            }
        }
        return files
    }

    /// The pages that list or summarise the site rather than show one article: home,
    /// collections, 404, search, policy and redirects.
    func siteWideJobs() -> [Job] {
        allJobs().filter {
            if case .article = $0 { return false }
            return true
        }
    }

    /// Renders and writes the given pages, the sitemap (with an absolute `base_url`) and the
    /// search index's manifest and shards (with `searchIndex`), in parallel (the long tasks
    /// first); returns how many files were written.
    func write(_ jobs: [Job]) throws -> Int {
        let navigation = site.collections.map(\.summary)
        let needsRelated = jobs.contains { if case .article = $0 { return true } else { return false } }
        let relatedIndex = needsRelated ? RelatedArticles(site) : RelatedArticles.empty
        enum Task: Sendable {
            case searchIndex, sitemap
            case page(Job)
        }
        // The sitemap is made on a core of its own too (it reads every article): a task that
        // writes nothing when the site has no absolute `base_url`, or is not the one to write it.
        let tasks = (searchIndex == nil ? [] : [Task.searchIndex]) + (configuration.hasAbsoluteBaseURL ? [.sitemap] : []) + jobs.map(Task.page)
        let outcomes = parallelMap(tasks) { task -> (written: Int, failure: String?) in
            do {
                switch task {
                case .searchIndex:
                    for file in searchIndex?.finish(settings: configuration.searchSettings) ?? [] {
                        try output.write(SearchIndexFiles.folder + file.name, bytes: file.bytes)
                    }
                case .sitemap:
                    guard let sitemap = sitemap() else { return (0, nil) }
                    try output.write("sitemap.xml", Data(sitemap.utf8))
                case .page(let job):
                    let (path, html) = render(job, siteInfo: siteInfo, navigation: navigation, byTag: relatedIndex)
                    try output.write(path, html)
                }
                return (1, nil)
            } catch {
                return (0, "\(error)")
            }
        }
        if let failure = outcomes.lazy.compactMap(\.failure).first { throw PageWriteError(message: failure) }
        return outcomes.reduce(0) { $0 + $1.written }
    }

    struct PageWriteError: Error, CustomStringConvertible {
        var message: String
        var description: String { "cannot write the site: \(message)" }
    }

    func render(_ job: Job, siteInfo: SiteInfo, navigation: [CollectionSummary], byTag: RelatedArticles) -> (String, Data) {
        switch job {
        case .home:
            let title = site.home?.collection?.title ?? configuration.name
            let description = site.home?.collection?.description ?? (configuration.description.isEmpty ? nil : configuration.description)
            let featured = featuredArticles()
            let context = HomePageContext(
                site: siteInfo, root: "./", title: title, description: description,
                introduction: nonEmpty(site.home?.body?.html),
                collections: homeCards(Array(navigation.prefix(configuration.homeCollections)), leavingOut: featured),
                collectionCount: navigation.count, allCollectionsPath: allCollectionsPath, featured: featured)
            var frame = layout(siteInfo, navigation, root: "./", address: "", title: title, description: description, kind: .home)
            frame.structuredData = StructuredData.website(name: configuration.name, description: description, url: configuration.absoluteURL(""))
            return ("index.html", page(.home, context, layout: frame))
        case .collection(let index, let pageNumber):
            return renderCollection(index, page: pageNumber, siteInfo: siteInfo, navigation: navigation)
        case .allCollections:
            let context = AllCollectionsPageContext(
                site: siteInfo, root: "../", collections: navigation, breadcrumbs: [Breadcrumb(title: homeTitle, path: "")])
            var frame = layout(
                siteInfo, navigation, root: "../", address: "collections/", title: word("all_collections_title", "All collections"), description: nil,
                kind: .allCollections)
            frame.structuredData = StructuredData.breadcrumbs(
                [(homeTitle, ""), (word("all_collections_title", "All collections"), "collections/")], configuration: configuration)
            return ("collections/index.html", page(.allCollections, context, layout: frame))
        case .article(let collectionIndex, let articleIndex):
            let article = site.collections[collectionIndex].articles[articleIndex]
            let (path, bytes) = renderArticle(
                article, record: article.record, collection: collectionIndex, at: articleIndex,
                siteInfo: siteInfo, navigation: navigation, byTag: byTag)
            return (path, Data(bytes))
        case .notFound:
            // Served at any depth: its links start from the base path.
            let root = URLSafety.publishable(configuration.basePath) ?? "/"
            let context = NotFoundPageContext(site: siteInfo, root: root, collections: navigation)
            var frame = layout(
                siteInfo, navigation, root: root, address: "", title: word("not_found_title", "Page not found"), description: nil,
                kind: .notFound)
            frame.canonicalURL = nil
            return ("404.html", page(.notFound, context, layout: frame))
        case .search:
            let context = SearchPageContext(site: siteInfo, root: "../", collections: navigation)
            return (
                "search/index.html",
                page(
                    .search, context,
                    layout: layout(
                        siteInfo, navigation, root: "../", address: "search/", title: word("search_title", "Search"), description: nil, kind: .search))
            )
        case .policy:
            let context = policyPage(siteInfo)
            return (
                "policy/index.html",
                page(
                    .policy, context,
                    layout: layout(
                        siteInfo, navigation, root: "../", address: "policy/", title: word("policy_title", "The rules for backup methods"),
                        description: word(
                            "policy_description", "What Sage HR allows when you set up, change or use a backup method for 2FA, rule by rule."),
                        kind: .policy))
            )
        case .redirect(let index):
            let redirect = redirects[index]
            let address = PageAddress.encode(redirect.targetSitePath)
            let context = RedirectPageContext(
                site: siteInfo, root: ContentPath.rootPrefix(for: redirect.folder), title: redirect.targetTitle,
                target: URLSafety.publishable(ContentPath.relativeURL(from: redirect.folder, to: address)) ?? "",
                canonicalURL: configuration.absoluteURL(address).flatMap { URLSafety.publishable($0) })
            return (redirect.outputPath, templates.renderData(PageKind.redirect.templateName, context, reference: useReferenceRenderer))
        }
    }

    /// The page of `article`, with `record` (its body rendered) in place of the model's record.
    /// The article is borrowed, not copied: its strings are shared by every core's pages.
    func renderArticle(
        _ article: SiteModel.Article, record: PageRecord, collection collectionIndex: Int, at articleIndex: Int,
        siteInfo: SiteInfo, navigation: [CollectionSummary], byTag: RelatedArticles
    ) -> (String, [UInt8]) {
        let root = ContentPath.rootPrefix(for: record.sitePath)
        let articles = site.collections[collectionIndex].articles.count
        let context = ArticlePageContext(
            site: siteInfo, root: root, article: details(article, record: record), collection: site.collections[collectionIndex].summary,
            breadcrumbs: [
                Breadcrumb(title: homeTitle, path: ""),
                Breadcrumb(title: site.collections[collectionIndex].title, path: site.collections[collectionIndex].summary.path),
            ],
            previous: articleIndex > 0 ? site.collections[collectionIndex].articles[articleIndex - 1].summary : nil,
            next: articleIndex + 1 < articles ? site.collections[collectionIndex].articles[articleIndex + 1].summary : nil,
            related: byTag.related(to: article, handPicked: record.body?.handPickedRelated ?? [], limit: configuration.relatedArticles))
        var frame = layout(
            siteInfo, navigation, root: root, address: record.address, title: article.matter.title,
            description: article.summary.description, kind: .article)
        frame.isDraft = article.matter.draft
        frame.modified = article.summary.updated
        if let languageSwitch {
            let page = LanguageSwitch.Page.article(record.address, collection: site.collections[collectionIndex].summary.path)
            frame.languages = languageSwitch.links(for: page, from: record.address)
            frame.alternates = languageSwitch.alternates(for: page)
            // A fallback page is the default language's article again: that one is canonical.
            if record.isFallback { frame.canonicalURL = languageSwitch.primaryURL(record.address) }
        }
        let collection = site.collections[collectionIndex]
        frame.structuredData = StructuredData.article(
            title: article.matter.title, description: article.summary.description, author: article.matter.author, updated: article.matter.updated,
            address: record.address, trail: [(homeTitle, ""), (collection.title, collection.summary.path), (article.matter.title, record.address)],
            configuration: configuration)
        return (ContentPath.pageFile(record.sitePath), pageBytes(.article, context, layout: frame))
    }

    var homeTitle: String { site.home?.collection?.title ?? configuration.name }

    func nonEmpty(_ html: String?) -> String? {
        guard let html, !html.trimmingWhitespace(newlines: true).isEmpty else { return nil }
        return html
    }

    private func details(_ article: SiteModel.Article, record: PageRecord) -> ArticleDetails {
        let depth = article.matter.tableOfContentsDepth ?? configuration.tableOfContentsDepth
        let headings = record.body?.headings ?? []
        let toc = TableOfContentsEntry.entries(for: headings, depth: depth)
        var details = ArticleDetails(
            title: article.matter.title, description: article.summary.description, author: article.matter.author,
            updated: article.matter.updated.map { DateInfo($0, language: configuration.language) }, path: record.address,
            body: record.body?.htmlText ?? HTMLText(), tableOfContents: toc,
            hasTableOfContents: headings.filter { $0.level == 2 }.count >= 3,
            tags: article.matter.tags.map(TagInfo.init(name:)), isDraft: article.matter.draft)
        if let current = languageSwitch?.current, !current.prefix.isEmpty { details.sitePath = PageAddress.encode(current.prefix) + record.address }
        if record.isFallback, let primary = languageSwitch?.languages.primary {
            details.fallbackLanguage = primary.tag
            details.fallbackLanguageName = primary.name
        }
        return details
    }

    func layout(
        _ siteInfo: SiteInfo, _ navigation: [CollectionSummary], root: String, address: String,
        title: String, description: String?, kind: PageKind
    ) -> LayoutContext {
        var frame = LayoutContext(
            site: siteInfo, root: root, title: title, description: description,
            canonicalURL: configuration.absoluteURL(address).flatMap { URLSafety.publishable($0) }, kind: kind.rawValue,
            isHome: kind == .home, isCollection: kind == .collection, isArticle: kind == .article,
            isNotFound: kind == .notFound, isSearch: kind == .search, isDraft: false,
            collections: Array(navigation.prefix(configuration.headerCollections)), collectionCount: navigation.count,
            allCollectionsPath: allCollectionsPath, openGraphType: kind == .article ? "article" : "website", modified: nil, structuredData: nil,
            content: HTMLText())
        if let languageSwitch {
            let page: LanguageSwitch.Page =
                switch kind {
                case .notFound: .notFound
                case .collection: .collection(address, collection: String(address.prefix { $0 != "/" }) + "/")
                default: .listing(address)
                }
            frame.languages = languageSwitch.links(for: page, from: address)
            frame.alternates = languageSwitch.alternates(for: page)
        }
        return frame
    }

    /// Where the page of all collections is (the home page when the templates have none).
    var allCollectionsPath: String { templates.has(.allCollections) ? "collections/" : "" }

    private func pageBytes(_ kind: PageKind, _ context: some TemplateContext, layout: LayoutContext) -> [UInt8] {
        var frame = layout
        frame.content = templates.renderHTML(kind.templateName, context, reference: useReferenceRenderer)
        return templates.renderBytes(PageKind.layout.templateName, frame, reference: useReferenceRenderer)
    }

    func page(_ kind: PageKind, _ context: some TemplateContext, layout: LayoutContext) -> Data {
        Data(pageBytes(kind, context, layout: layout))
    }

    /// Each article's search document, in site order, with its collection's title.
    func searchDocuments() -> [SearchDocument?] {
        site.collections.flatMap { collection in
            collection.articles.map { article in
                article.record.body?.search.map { document in
                    var document = document
                    document.collection = collection.title
                    return document
                }
            }
        }
    }

    /// `sitemap.xml` with every published page's absolute URL, encoded (and `lastmod` from
    /// `updated`); nil without an absolute `base_url`, as a sitemap's addresses must be absolute.
    func sitemap() -> String? {
        guard configuration.hasAbsoluteBaseURL else { return nil }
        if let languageSwitch { return multilingualSitemap(languageSwitch) }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        func entry(_ address: String, _ updated: CalendarDate?) {
            guard let absolute = configuration.absoluteURL(address), let url = URLSafety.publishable(absolute) else { return }
            xml += "  <url><loc>" + HTMLEscaping.escape(url) + "</loc>"
            if let updated { xml += "<lastmod>\(updated.iso)</lastmod>" }
            xml += "</url>\n"
        }
        entry("", nil)
        site.forEach(
            collection: { collection in entry(collection.summary.path, collection.articles.compactMap(\.matter.updated).max()) },
            article: { article in entry(article.record.address, article.matter.updated) })
        xml += "</urlset>\n"
        return xml
    }
}

extension PageWriter {
    /// The readers' rules page: each rule with the articles citing it (front matter or
    /// `[!RULE]`), and the state diagram. How the rules are checked (scenarios, files) is
    /// left to the team's report (`helpcenter check --report`).
    func policyPage(_ siteInfo: SiteInfo) -> PolicyPageContext {
        var citing: [String: [ArticleSummary]] = [:]
        // Articles are read in place (`forEachArticle`): most cite no rule.
        site.forEachArticle { article in
            let ids = Set(article.matter.rules.map(\.value) + (article.record.body?.citedRules.map(\.value) ?? []))
            for id in ids.sorted() { citing[id, default: []].append(article.summary) }
        }
        let rows = (policy?.rules ?? []).map { rule in
            PolicyRuleRow(
                id: rule.id, title: rule.title, sentence: rule.sentence, changed: rule.changed.map { DateInfo($0, language: configuration.language) },
                derived: rule.isDerived,
                articles: citing[rule.id] ?? [])
        }
        let diagram = policy?.diagram ?? SitePolicy.StateDiagram(states: [], transitions: [])
        return PolicyPageContext(
            site: siteInfo, root: "../", rules: rows, diagram: StateDiagramSVG.render(diagram),
            diagramDescription: StateDiagramSVG.describe(diagram),
            changes: StateDiagramSVG.changes(diagram).map { DiagramChange(action: $0.action, from: $0.from, to: $0.to) })
    }
}

extension PageWriter {
    /// In a site with several languages, the default language writes the one sitemap: every
    /// page in every language that has it in its own words, each with its alternates
    /// (`xhtml:link`, as search engines read them); fallback pages are not listed (their
    /// canonical URL is the default language's). The other languages write none.
    func multilingualSitemap(_ languages: LanguageSwitch) -> String? {
        guard languages.current == languages.languages.primary else { return nil }
        var xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        func entry(_ page: LanguageSwitch.Page, _ updated: CalendarDate?) {
            let alternates = languages.alternates(for: page)
            for language in languages.languages.all {
                let (path, isSame) = languages.target(page, in: language)
                guard isSame, let absolute = languages.absoluteBase, let url = URLSafety.publishable(absolute + PageAddress.encode(language.prefix) + path)
                else { continue }
                xml += "  <url><loc>" + HTMLEscaping.escape(url) + "</loc>"
                if let updated { xml += "<lastmod>\(updated.iso)</lastmod>" }
                for alternate in alternates {
                    xml +=
                        "<xhtml:link rel=\"alternate\" hreflang=\"\(HTMLEscaping.escape(alternate.hreflang))\" href=\"\(HTMLEscaping.escape(alternate.url))\"/>"
                }
                xml += "</url>\n"
            }
        }
        entry(.listing(""), nil)
        var collectionPath = ""
        site.forEach(
            collection: { collection in
                collectionPath = collection.summary.path
                entry(.collection(collectionPath, collection: collectionPath), collection.articles.compactMap(\.matter.updated).max())
            },
            article: { article in entry(.article(article.record.address, collection: collectionPath), article.matter.updated) })
        xml += "</urlset>\n"
        return xml
    }
}
