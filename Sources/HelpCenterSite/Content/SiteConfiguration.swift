import Foundation
import HelpCenterDiagnostics
import HelpCenterSearch
import HelpCenterYAML

/// The site's settings, read from `helpcenter.yaml` beside `content/`; every key has a default.
public struct SiteConfiguration: Sendable, Equatable {
    /// The help centre's name, shown in the header and page titles.
    public var name: String = "Help Centre"
    public var description: String = ""
    /// Where the site is published, e.g. `https://example.org/help/`. Used for absolute URLs
    /// (sitemap, canonical links, the 404 page); every other link is relative, so the site
    /// works under any sub-path.
    public var baseURL: String = "/"
    /// The `lang` of every page of the default language (a BCP 47 tag).
    public var language: String = "en"
    /// The languages besides the default one (`languages:`), each published under its prefix
    /// (docs/languages.md). Empty for a site in one language.
    public var otherLanguages: [SiteLanguage] = []
    /// The default language's key and name, when `languages:` names it too.
    public var primaryLanguageKey: String?
    public var primaryLanguageName: String?
    /// Keep raw HTML written in Markdown (off: it is left out, with a warning).
    public var rawHTML: Bool = false
    /// Where article pages are written: `collection/article/index.html` or `collection/article.html` (`urls:`).
    public var pageLayout: PageLayout = .folders
    /// Where the feedback widget posts reactions (JSON); none by default.
    public var feedbackEndpoint: String?
    /// Where `base_url` is written in the configuration file (for the warning when it is not absolute).
    public var baseURLLocation = SourceLocation(path: SiteConfiguration.fileName)
    /// The configuration file as diagnostics name it (`../../helpcenter.yaml` from a subfolder),
    /// for findings about a setting it leaves out.
    public var filePath = SiteConfiguration.fileName
    /// Where each other language is written under `languages:`, by key (for the warnings about
    /// its translations, which pointed at the file's first line, under a path not shown as
    /// the other findings in the file showed it).
    public var languageLocations: [String: SourceLocation] = [:]
    /// How many related articles an article lists at most, hand-picked ones included (the
    /// generated list fills up to this; 0: only the hand-picked ones).
    public var relatedArticles = 5
    /// How many collections the header names (the first by `order`); a link to the page of all
    /// collections follows when there are more. Bounded, so a page's size does not grow with
    /// the number of collections.
    public var headerCollections = 6
    /// How many collections the home page shows as cards (the first by `order`), and how many
    /// articles each card lists.
    public var homeCollections = 12
    public var homeArticlesPerCollection = 5
    /// How many articles a collection page lists; longer collections get numbered pages
    /// (`collection/page/2/`).
    public var collectionPageSize = 50
    /// How deep articles' tables of contents go (`toc_depth`, 2 or 3); an article's own
    /// `toc_depth` wins.
    public var tableOfContentsDepth: Int = 2

    /// Groups of words or phrases readers use for the same thing (`search_synonyms:`, a list of
    /// lists); a query holding one searches the others too (docs/search.md). Nil: the built-in
    /// groups of the site's language (`SearchSettings.defaultSynonyms(for:)`).
    public var searchSynonyms: [[String]]?

    /// Every language of the site, the default one first.
    public var languages: SiteLanguages {
        let key = primaryLanguageKey ?? SiteLanguage.defaultKey(for: language)
        return SiteLanguages(primary: SiteLanguage(key: key, tag: language, name: primaryLanguageName, prefix: ""), others: otherLanguages)
    }

    /// What the search index needs: the language and the synonyms.
    public var searchSettings: SearchSettings {
        SearchSettings(language: language, synonyms: searchSynonyms ?? SearchSettings.defaultSynonyms(for: language))
    }

    public init() {}

    public static let fileName = "helpcenter.yaml"
    static let knownKeys = [
        "name", "description", "base_url", "language", "raw_html", "feedback_endpoint", "related_articles", "header_collections",
        "home_collections", "home_articles_per_collection", "collection_page_size", "toc_depth", "search_synonyms",
        "languages", "urls",
    ]

    /// Whether `base_url` is an absolute `http(s)://` URL: only then does the site have
    /// addresses to put in `sitemap.xml`, canonical links, Open Graph and JSON-LD.
    public var hasAbsoluteBaseURL: Bool {
        let lowered = baseURL.lowercased()
        return lowered.hasPrefix("https://") || lowered.hasPrefix("http://")
    }

    /// The base URL's path, always starting and ending with `/` (`/help/` for `https://example.org/help`).
    public var basePath: String {
        var path = baseURL
        if let schemeEnd = path.range(of: "://") {
            let afterScheme = path[schemeEnd.upperBound...]
            path = afterScheme.firstIndex(of: "/").map { String(afterScheme[$0...]) } ?? "/"
        }
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }

    /// The absolute URL of a site path (`collection/article/`), for sitemaps, canonical links,
    /// Open Graph and JSON-LD; nil when `base_url` is not absolute.
    public func absoluteURL(_ sitePath: String) -> String? {
        guard hasAbsoluteBaseURL else { return nil }
        var base = baseURL
        if !base.hasSuffix("/") { base += "/" }
        return base + sitePath
    }

    /// Reads a configuration file's text; problems are diagnostics, defaults fill the gaps.
    /// The defaults, for the file at `path` (which may not exist): a setting left out is
    /// reported at the top of the file that leaves it out, as it opens.
    public static func defaults(at path: String) -> SiteConfiguration {
        var configuration = SiteConfiguration()
        configuration.filePath = path
        configuration.baseURLLocation = SourceLocation(path: path)
        return configuration
    }

    public static func parse(_ yaml: String, path: String) -> (SiteConfiguration, [Diagnostic]) {
        var reader = YAMLFieldReader(path: path, firstLine: 1, id: "config")
        var configuration = SiteConfiguration.defaults(at: path)
        let root = reader.compose(yaml, what: "the site configuration", limits: .siteConfiguration)
        let fields = reader.fields(of: root, known: knownKeys, what: "the site configuration")
        if let name = reader.string(fields["name"]?.value, key: "name") { configuration.name = name }
        if let text = reader.string(fields["description"]?.value, key: "description") { configuration.description = text }
        if let node = fields["base_url"]?.value, let url = reader.string(node, key: "base_url") {
            let lowered = url.lowercased()
            if url.hasPrefix("/") || lowered.hasPrefix("https://") || lowered.hasPrefix("http://") {
                configuration.baseURL = url
                configuration.baseURLLocation = node.location
            } else {
                reader.diagnostics.append(
                    .error(
                        "'base_url' must be an http(s) URL or a path starting with '/', found '\(url)'", at: node.location, id: "config"))
            }
        }
        if let node = fields["language"]?.value, let language = reader.string(node, key: "language") {
            // The tag is written into every page's `lang`, `og:locale` and the search index, and
            // chooses the stemmer: checked as the tags under `languages:` are.
            if SiteConfiguration.isLanguageTag(language) {
                configuration.language = language
            } else {
                reader.diagnostics.append(
                    .error("'language' must be a BCP 47 language tag (e.g. en, en-GB, fr-FR, pt-BR), found '\(language)'", at: node.location, id: "config"))
            }
        }
        if let raw = reader.bool(fields["raw_html"]?.value, key: "raw_html") { configuration.rawHTML = raw }
        if let node = fields["urls"]?.value, let value = reader.string(node, key: "urls") {
            if let layout = PageLayout(rawValue: value) {
                configuration.pageLayout = layout
            } else {
                reader.diagnostics.append(
                    .error(
                        "'urls' must be 'folders' (collection/article/, the default) or 'files' (collection/article.html), found '\(value)'",
                        at: node.location, id: "config"))
            }
        }
        if let node = fields["feedback_endpoint"]?.value, let endpoint = reader.string(node, key: "feedback_endpoint") {
            if URLSafety.isSafeLink(endpoint) {
                configuration.feedbackEndpoint = endpoint
            } else {
                reader.diagnostics.append(.error("'feedback_endpoint' is not a safe URL: '\(endpoint)'", at: node.location, id: "config"))
            }
        }
        func count(_ key: String, from minimum: Int, to maximum: Int) -> Int? {
            guard let node = fields[key]?.value, let value = reader.int(node, key: key) else { return nil }
            guard (minimum...maximum).contains(value) else {
                reader.diagnostics.append(.error("'\(key)' must be from \(minimum) to \(maximum), found \(value)", at: node.location, id: "config"))
                return nil
            }
            return value
        }
        if let value = count("related_articles", from: 0, to: 50) { configuration.relatedArticles = value }
        if let value = count("header_collections", from: 0, to: 50) { configuration.headerCollections = value }
        if let value = count("home_collections", from: 1, to: 500) { configuration.homeCollections = value }
        if let value = count("home_articles_per_collection", from: 0, to: 50) { configuration.homeArticlesPerCollection = value }
        if let value = count("collection_page_size", from: 5, to: 1000) { configuration.collectionPageSize = value }
        if let depth = reader.tableOfContentsDepth(fields["toc_depth"]?.value) { configuration.tableOfContentsDepth = depth }
        if let node = fields["search_synonyms"]?.value { configuration.searchSynonyms = reader.synonyms(node) }
        if let node = fields["languages"]?.value { configuration.readLanguages(node, reader: &reader) }
        return (configuration, reader.diagnostics)
    }
}

extension YAMLFieldReader {
    /// `search_synonyms:`, a list of groups of two words or phrases or more (nil when it is not
    /// a list; a group too small is reported and left out).
    mutating func synonyms(_ node: YAMLValue) -> [[String]]? {
        guard case .sequence(let groups, _) = node else {
            diagnostics.append(.error("'search_synonyms' must be a list of lists, e.g. - [sign in, log in]", at: node.location, id: "config"))
            return nil
        }
        // Words where groups belong: one message for the list, not one per word. A scalar with a
        // comma is a group written without its brackets (`- sign in, log in`).
        let scalars = groups.compactMap { group -> String? in
            guard !group.isNull, case .scalar(let text, _, _) = group else { return nil }
            return text
        }
        if !groups.isEmpty, scalars.count == groups.count {
            diagnostics.append(
                .error(
                    scalars.contains { $0.contains(",") }
                        ? "each group of 'search_synonyms' goes in brackets: write - [sign in, log in], a group a line (or search_synonyms: [[sign in, log in]])"
                        : "'search_synonyms' is a list of groups, each a list of its own: write - [sign in, log in], a group a line (or search_synonyms: [[sign in, log in]])",
                    at: node.location, id: "config"))
            return []
        }
        var synonyms: [[String]] = []
        for group in groups {
            if !group.isNull, case .scalar(let text, _, let location) = group {
                diagnostics.append(
                    .error(
                        text.contains(",")
                            ? "this group of 'search_synonyms' is not in brackets: write - [\(text)]"
                            : "this group of 'search_synonyms' is the single word '\(text)'; a group lists two words or phrases or more that mean the same, e.g. - [sign in, log in]",
                        at: location, id: "config"))
                continue
            }
            let words = strings(group, key: "search_synonyms").map(\.value).filter { !$0.isEmpty }
            if words.count >= 2 {
                synonyms.append(words)
            } else {
                diagnostics.append(
                    .error("each group of 'search_synonyms' must list two words or phrases or more, e.g. [sign in, log in]", at: group.location, id: "config"))
            }
        }
        return synonyms
    }
}
