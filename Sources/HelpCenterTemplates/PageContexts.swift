import HelpCenterCalendar

/// The values every page's templates share, and the summaries that lists are made of.
/// Paths are site paths (`collection/article/`); templates write `{{root}}{{path}}`, so every
/// link is relative and the site works under any sub-path of its host.
public struct SiteInfo: TemplateContext {
    public var name: String
    public var description: String?
    public var language: String {
        didSet { locale = Self.locale(of: language) }
    }
    public var baseURL: String
    public var feedbackEndpoint: String?
    /// `ltr` or `rtl` for `<html dir>`: set in a site with more than one language or a
    /// right-to-left one (nil otherwise, so a site in one language is written as before).
    public var direction: String?
    /// The language's own name (`Français`), in a site with more than one language.
    public var languageName: String?
    /// The language as Open Graph writes a locale (`en_GB` for `en-GB`). Stored, not computed
    /// per page: Foundation's `replacingOccurrences` on every page was 1.8 % of a build.
    public private(set) var locale: String

    private static func locale(of language: String) -> String {
        String(language.map { $0 == "-" ? "_" : $0 })
    }

    package init(name: String, description: String?, language: String, baseURL: String, feedbackEndpoint: String?) {
        self.name = name
        self.description = description
        self.language = language
        self.locale = Self.locale(of: language)
        self.baseURL = baseURL
        self.feedbackEndpoint = feedbackEndpoint
    }

    public static let templateFields: TemplateFields<SiteInfo> = [
        "name": .text(\.name),
        "description": .optionalText(\.description),
        "language": .text(\.language),
        "baseURL": .text(\.baseURL),
        "feedbackEndpoint": .optionalText(\.feedbackEndpoint),
        "locale": .text(\.locale),
        "direction": .optionalText(\.direction),
        "languageName": .optionalText(\.languageName),
    ]
}

public struct DateInfo: TemplateContext, Equatable {
    /// `2026-11-20`, for `datetime` attributes.
    public var iso: String
    /// `20 November 2026`, readable without scripts.
    public var text: String

    public init(_ date: CalendarDate) {
        iso = date.iso
        text = date.longForm
    }

    /// In a page of `language`: the English long form on English pages; on others the long
    /// form from the platform's CLDR data (`LocalizedDates`), as the browser's
    /// `Intl.DateTimeFormat` writes it (docs/languages.md).
    public init(_ date: CalendarDate, language: String) {
        iso = date.iso
        text = Self.isEnglish(language) ? date.longForm : LocalizedDates.longForm(date, language: language)
    }

    /// Whether a language tag's first subtag is `en`, in any case (every article's summary asks).
    static func isEnglish(_ language: String) -> Bool {
        let subtag = language.utf8.drop { $0 == UInt8(ascii: "-") }.prefix { $0 != UInt8(ascii: "-") }
        return subtag.count == 2 && subtag.first.map { $0 | 0x20 } == UInt8(ascii: "e") && subtag.last.map { $0 | 0x20 } == UInt8(ascii: "n")
    }

    public static let templateFields: TemplateFields<DateInfo> = [
        "iso": .text(\.iso),
        "text": .text(\.text),
    ]
}

public struct ArticleSummary: TemplateContext, Equatable {
    public var title: String
    public var description: String?
    public var path: String
    public var updated: DateInfo?
    public var isDraft: Bool

    package init(title: String, description: String?, path: String, updated: DateInfo?, isDraft: Bool) {
        self.title = title
        self.description = description
        self.path = path
        self.updated = updated
        self.isDraft = isDraft
    }

    public static let templateFields: TemplateFields<ArticleSummary> = [
        "title": .text(\.title),
        "description": .optionalText(\.description),
        "path": .text(\.path),
        "updated": .object(\.updated),
        "isDraft": .flag { $0.isDraft },
    ]
}

public struct CollectionSummary: TemplateContext {
    public var title: String
    public var description: String?
    public var path: String
    public var articleCount: Int
    /// The collection's first articles, for the home page.
    public var articles: [ArticleSummary]
    public var hasMoreArticles: Bool
    /// "12 articles" in the page's language (the theme's `article_count_one`/`_other`); nil: English.
    public var articleCountText: String?

    package init(title: String, description: String?, path: String, articleCount: Int, articles: [ArticleSummary], hasMoreArticles: Bool) {
        self.title = title
        self.description = description
        self.path = path
        self.articleCount = articleCount
        self.articles = articles
        self.hasMoreArticles = hasMoreArticles
    }

    public static let templateFields: TemplateFields<CollectionSummary> = [
        "title": .text(\.title),
        "description": .optionalText(\.description),
        "path": .text(\.path),
        "articleCount": .number { $0.articleCount },
        "articleCountText": .text { $0.articleCountText ?? ($0.articleCount == 1 ? "1 article" : "\($0.articleCount) articles") },
        "articles": .list(\.articles),
        /// Whether the card lists any article (on the home page, a collection whose articles
        /// are all under "Most useful" lists none).
        "hasArticles": .flag { !$0.articles.isEmpty },
        "hasMoreArticles": .flag { $0.hasMoreArticles },
    ]
}

public struct Breadcrumb: TemplateContext {
    public var title: String
    public var path: String

    package init(title: String, path: String) {
        self.title = title
        self.path = path
    }

    public static let templateFields: TemplateFields<Breadcrumb> = [
        "title": .text(\.title),
        "path": .text(\.path),
    ]
}

/// A section of the table of contents (a `##` heading) with its subsections (`###`, listed
/// only when the article's `toc_depth` is 3; see `TableOfContentsEntry.entries`).
public struct TableOfContentsEntry: TemplateContext {
    public var title: String
    public var id: String
    public var subsections: [TableOfContentsSubsection]
    public var hasSubsections: Bool { !subsections.isEmpty }

    package init(title: String, id: String, subsections: [TableOfContentsSubsection]) {
        self.title = title
        self.id = id
        self.subsections = subsections
    }

    public static let templateFields: TemplateFields<TableOfContentsEntry> = [
        "title": .text(\.title),
        "id": .text(\.id),
        "subsections": .list(\.subsections),
        "hasSubsections": .flag { $0.hasSubsections },
    ]
}

public struct TableOfContentsSubsection: TemplateContext {
    public var title: String
    public var id: String

    package init(title: String, id: String) {
        self.title = title
        self.id = id
    }

    public static let templateFields: TemplateFields<TableOfContentsSubsection> = [
        "title": .text(\.title),
        "id": .text(\.id),
    ]
}

public struct TagInfo: TemplateContext {
    public var name: String

    package init(name: String) {
        self.name = name
    }

    public static let templateFields: TemplateFields<TagInfo> = [
        "name": .text(\.name)
    ]
}
