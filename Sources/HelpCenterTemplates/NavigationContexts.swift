/// The numbered pages of a long collection: the current one, its neighbours and a bounded
/// list of page links (first, last and those around the current page, with gaps between).
public struct Pagination: TemplateContext, Equatable {
    public var page: Int
    public var pageCount: Int
    public var previous: PageLink?
    public var next: PageLink?
    public var pages: [PageLink]
    /// The first and last article shown, counted from 1, and the collection's total.
    public var firstItem: Int
    public var lastItem: Int
    public var itemCount: Int

    package init(page: Int, pageCount: Int, previous: PageLink?, next: PageLink?, pages: [PageLink], firstItem: Int, lastItem: Int, itemCount: Int) {
        self.page = page
        self.pageCount = pageCount
        self.previous = previous
        self.next = next
        self.pages = pages
        self.firstItem = firstItem
        self.lastItem = lastItem
        self.itemCount = itemCount
    }

    public static let templateFields: TemplateFields<Pagination> = [
        "page": .number { $0.page },
        "pageCount": .number { $0.pageCount },
        "previous": .object(\.previous),
        "next": .object(\.next),
        "pages": .list(\.pages),
        "firstItem": .number { $0.firstItem },
        "lastItem": .number { $0.lastItem },
        "itemCount": .number { $0.itemCount },
    ]
}

/// A link to one page of a collection, or a gap (`…`) between page numbers.
public struct PageLink: TemplateContext, Equatable {
    public var number: Int
    /// The page's site path (`collection/page/2/`); print it as `{{root}}{{path}}`.
    public var path: String
    public var isCurrent: Bool
    public var isGap: Bool

    package init(number: Int, path: String, isCurrent: Bool = false, isGap: Bool = false) {
        self.number = number
        self.path = path
        self.isCurrent = isCurrent
        self.isGap = isGap
    }

    public static let templateFields: TemplateFields<PageLink> = [
        "number": .number { $0.number },
        "path": .text(\.path),
        "isCurrent": .flag { $0.isCurrent },
        "isGap": .flag { $0.isGap },
    ]
}

/// The page of all collections (`collections/`), which the header and the home page link to
/// when they show only the first ones.
public struct AllCollectionsPageContext: TemplateContext {
    public var site: SiteInfo
    public var root: String
    public var collections: [CollectionSummary]
    public var breadcrumbs: [Breadcrumb]

    package init(site: SiteInfo, root: String, collections: [CollectionSummary], breadcrumbs: [Breadcrumb]) {
        self.site = site
        self.root = root
        self.collections = collections
        self.breadcrumbs = breadcrumbs
    }

    public static let templateFields: TemplateFields<AllCollectionsPageContext> = [
        "site": .object(\.site),
        "root": .text(\.root),
        "collections": .list(\.collections),
        "breadcrumbs": .list(\.breadcrumbs),
    ]
}
