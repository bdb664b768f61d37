import HelpCenterTemplates

/// What a page of one language needs to know about the others: which articles each language
/// publishes as a real translation, for the language switcher and the `hreflang` alternates.
/// Listing pages (home, collections, search, the policy page) exist in every language; an
/// article only where it has a published translation (a fallback page is not an alternate).
struct LanguageSwitch: Sendable {
    let languages: SiteLanguages
    let current: SiteLanguage
    /// By language key: the addresses (`collection/article/`, percent-encoded) of the articles
    /// it publishes in its own words (the default language: every source article).
    let articles: [String: Set<String>]
    /// By language key: the addresses of the collections (`c/`) with an article in it. Made
    /// once: every page asks (it was computed per question, which made a 10,000-article site
    /// with a second language take minutes).
    let collections: [String: Set<String>]
    /// The whole site's base URL (absolute, ending in `/`), or nil when `base_url` is a path.
    let absoluteBase: String?
    /// The whole site's base path (`/`, `/help/`), for the 404 page's links.
    let basePath: String

    init(languages: SiteLanguages, current: SiteLanguage, articles: [String: Set<String>], absoluteBase: String?, basePath: String) {
        self.languages = languages
        self.current = current
        self.articles = articles
        self.collections = articles.mapValues { Set($0.map { String($0.prefix { $0 != "/" }) + "/" }) }
        self.absoluteBase = absoluteBase
        self.basePath = basePath
    }

    /// Which page a link or alternate is for.
    enum Page {
        /// A page that every language has at the same address (`""`, `collections/`, `search/`).
        case listing(String)
        /// A collection's page (`c/`, or `c/page/2/`) and the collection's address (`c/`): a
        /// language that leaves untranslated articles out has it only with an article of its own.
        case collection(String, collection: String)
        /// An article's address (`c/a/`) and its collection's (`c/`), where the switcher leads
        /// when a language has no translation of it.
        case article(String, collection: String)
        /// The 404 page, served at any depth: its links start from the base path.
        case notFound
    }

    /// Where `page` is in `language`: its address from that language's root and whether it
    /// is the same page.
    func target(_ page: Page, in language: SiteLanguage) -> (path: String, isSame: Bool) {
        switch page {
        case .listing(let path): (path, true)
        case .notFound: ("", false)
        case .collection(let path, let collection):
            hasCollection(collection, in: language) ? (path, true) : ("", false)
        case .article(let path, let collection):
            articles[language.key]?.contains(path) == true
                ? (path, true) : hasCollection(collection, in: language) ? (collection, false) : ("", false)
        }
    }

    /// Whether a language publishes a collection's page: always with fallback pages, else only
    /// when one of its articles is translated.
    func hasCollection(_ collection: String, in language: SiteLanguage) -> Bool {
        language.fallback || language == languages.primary || collections[language.key]?.contains(collection) == true
    }

    /// The switcher's links from the page at `address` (within the current language).
    func links(for page: Page, from address: String) -> [LanguageLink] {
        languages.all.map { language in
            let (path, isSame) = target(page, in: language)
            let target = PageAddress.encode(language.prefix) + path
            let url: String
            if case .notFound = page {
                url = basePath + target
            } else {
                url = ContentPath.relativeURL(from: current.prefix + address, to: target)
            }
            return LanguageLink(
                name: language.name, tag: language.tag, url: URLSafety.publishable(url) ?? "./", isCurrent: language == current,
                isSamePage: isSame)
        }
    }

    /// The page's versions in every language that has it, and `x-default` (the default
    /// language's); empty without an absolute `base_url` (alternates must be absolute).
    func alternates(for page: Page) -> [AlternateLink] {
        guard let absoluteBase else { return [] }
        if case .notFound = page { return [] }
        var links: [AlternateLink] = []
        for language in languages.all {
            let (path, isSame) = target(page, in: language)
            guard isSame, let url = URLSafety.publishable(absoluteBase + PageAddress.encode(language.prefix) + path) else { continue }
            links.append(AlternateLink(hreflang: language.tag, url: url))
        }
        guard links.count > 1 else { return [] }
        links.append(AlternateLink(hreflang: "x-default", url: links[0].url))
        return links
    }

    /// The default language's absolute URL of a page (a fallback page's canonical URL).
    func primaryURL(_ address: String) -> String? {
        absoluteBase.flatMap { URLSafety.publishable($0 + address) }
    }
}
