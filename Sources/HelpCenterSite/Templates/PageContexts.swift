/// The values every page's templates share, and the summaries that lists are made of.
/// Paths are site paths (`collection/article/`); templates write `{{root}}{{path}}`, so every
/// link is relative and the site works under any sub-path of its host.
public struct SiteInfo: TemplateContext {
    public var name: String
    public var description: String?
    public var language: String
    public var baseURL: String
    public var feedbackEndpoint: String?

    public static let templateFields: [String: TemplateField<SiteInfo>] = [
        "name": .value(\.name),
        "description": .optionalValue(\.description),
        "language": .value(\.language),
        "baseURL": .value(\.baseURL),
        "feedbackEndpoint": .optionalValue(\.feedbackEndpoint),
    ]
}

public struct DateInfo: TemplateContext {
    /// `2026-11-20`, for `datetime` attributes.
    public var iso: String
    /// `20 November 2026`, readable without scripts.
    public var text: String

    public init(_ date: HelpDate) {
        iso = date.iso
        text = date.longForm
    }

    public static let templateFields: [String: TemplateField<DateInfo>] = [
        "iso": .value(\.iso),
        "text": .value(\.text),
    ]
}

public struct ArticleSummary: TemplateContext {
    public var title: String
    public var description: String?
    public var path: String
    public var updated: DateInfo?
    public var isDraft: Bool

    public static let templateFields: [String: TemplateField<ArticleSummary>] = [
        "title": .value(\.title),
        "description": .optionalValue(\.description),
        "path": .value(\.path),
        "updated": .object(\.updated),
        "isDraft": .value(\.isDraft),
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

    public static let templateFields: [String: TemplateField<CollectionSummary>] = [
        "title": .value(\.title),
        "description": .optionalValue(\.description),
        "path": .value(\.path),
        "articleCount": .value(\.articleCount),
        "articles": .list(\.articles),
        "hasMoreArticles": .value(\.hasMoreArticles),
    ]
}

public struct Breadcrumb: TemplateContext {
    public var title: String
    public var path: String

    public static let templateFields: [String: TemplateField<Breadcrumb>] = [
        "title": .value(\.title),
        "path": .value(\.path),
    ]
}

public struct TableOfContentsEntry: TemplateContext {
    public var title: String
    public var id: String
    public var level: Int
    public var isSubsection: Bool

    public static let templateFields: [String: TemplateField<TableOfContentsEntry>] = [
        "title": .value(\.title),
        "id": .value(\.id),
        "level": .value(\.level),
        "isSubsection": .value(\.isSubsection),
    ]
}

public struct TagInfo: TemplateContext {
    public var name: String

    public static let templateFields: [String: TemplateField<TagInfo>] = [
        "name": .value(\.name),
    ]
}
