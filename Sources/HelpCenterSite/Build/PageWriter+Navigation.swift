import Foundation
import HelpCenterTemplates

/// The pages that let readers find their way: collection pages split into numbered pages, the
/// home page's most useful articles. Every page's size stays bounded however many collections
/// and articles the site has (the header names `header_collections`, a collection page lists
/// `collection_page_size` articles); only the page of all collections grows with the site.
extension PageWriter {
    /// How many numbered pages a collection's list takes (at least one, even when empty).
    static func pageCount(_ collection: SiteModel.Collection, pageSize: Int) -> Int {
        max(1, (collection.articles.count + pageSize - 1) / pageSize)
    }

    /// The site path of a collection's page `page`: `collection/`, then `collection/page/2/`
    /// (Hugo's pattern, so links kept from a Hugo site still work).
    static func collectionPagePath(_ collection: SiteModel.Collection, page: Int) -> String {
        page == 1 ? collection.sitePath : collection.sitePath + "page/\(page)/"
    }

    /// The jobs of every page of a collection's list.
    func collectionJobs(_ index: Int) -> [Job] {
        (1...Self.pageCount(site.collections[index], pageSize: configuration.collectionPageSize)).map { Job.collection(index, page: $0) }
    }

    func renderCollection(_ index: Int, page pageNumber: Int, siteInfo: SiteInfo, navigation: [CollectionSummary]) -> (String, Data) {
        let collection = site.collections[index]
        let pageSize = configuration.collectionPageSize
        let pageCount = Self.pageCount(collection, pageSize: pageSize)
        let sitePath = Self.collectionPagePath(collection, page: pageNumber)
        let root = ContentPath.rootPrefix(for: sitePath)
        let start = min((pageNumber - 1) * pageSize, collection.articles.count)
        let end = min(start + pageSize, collection.articles.count)
        let pagination =
            pageCount > 1
            ? Pagination(
                page: pageNumber, pageCount: pageCount,
                previous: pageNumber > 1 ? link(collection, pageNumber - 1) : nil,
                next: pageNumber < pageCount ? link(collection, pageNumber + 1) : nil,
                pages: Self.pageNumbers(current: pageNumber, count: pageCount).map { number in
                    number.map { link(collection, $0, current: pageNumber) } ?? PageLink(number: 0, path: "", isGap: true)
                },
                firstItem: start + 1, lastItem: end, itemCount: collection.articles.count)
            : nil
        let context = CollectionPageContext(
            site: siteInfo, root: root, collection: collection.summary,
            introduction: pageNumber == 1 ? nonEmpty(collection.record?.body?.html) : nil,
            articles: collection.articles[start..<end].map(\.summary), breadcrumbs: [Breadcrumb(title: homeTitle, path: "")], pagination: pagination)
        let title =
            pageNumber == 1
            ? collection.title
            : word(
                "collection_page_title", "\(collection.title), page \(pageNumber) of \(pageCount)",
                ["title": collection.title, "page": "\(pageNumber)", "pages": "\(pageCount)"])
        var frame = layout(
            siteInfo, navigation, root: root, address: PageAddress.encode(sitePath), title: title, description: collection.description, kind: .collection)
        frame.structuredData = StructuredData.breadcrumbs([(homeTitle, ""), (collection.title, collection.summary.path)], configuration: configuration)
        return (sitePath + "index.html", page(.collection, context, layout: frame))
    }

    private func link(_ collection: SiteModel.Collection, _ number: Int, current: Int = 0) -> PageLink {
        PageLink(number: number, path: PageAddress.encode(Self.collectionPagePath(collection, page: number)), isCurrent: number == current)
    }

    /// The page numbers a pager shows: the first, the last, and two on each side of the current
    /// one, with nil for each gap (`1 … 4 5 6 7 8 … 20`), so its length is bounded.
    static func pageNumbers(current: Int, count: Int) -> [Int?] {
        let shown = Set([1, count] + ((current - 2)...(current + 2)).filter { (1...count).contains($0) })
        var numbers: [Int?] = []
        for number in shown.sorted() {
            if let last = numbers.last ?? nil, number > last + 1 { numbers.append(nil) }
            numbers.append(number)
        }
        return numbers
    }

    /// The home page's most useful articles: those marked `featured: true`, in site order, at
    /// most `home_collections` of them. None marked, none shown: the collection cards already
    /// list each collection's first articles. (Once votes are collected, issue 16, the best
    /// rated can fill this list.)
    func featuredArticles() -> [ArticleSummary] {
        var featured: [ArticleSummary] = []
        site.forEachArticle { article in
            if featured.count < configuration.homeCollections && article.matter.featured { featured.append(article.summary) }
        }
        return featured
    }

    /// The home page's collection cards (`cards`, the first of `site.collections`): each lists
    /// its first articles that "Most useful" does not already show, so the home names each
    /// article once (a one-collection site showed three of its articles twice, one above the
    /// other), and links to all of them whenever it lists fewer than the collection has.
    func homeCards(_ cards: [CollectionSummary], leavingOut featured: [ArticleSummary]) -> [CollectionSummary] {
        guard !featured.isEmpty else { return cards }
        let shown = Set(featured.map(\.path))
        return zip(site.collections, cards).map { collection, card in
            var card = card
            card.articles = Array(collection.articles.lazy.map(\.summary).filter { !shown.contains($0.path) }.prefix(configuration.homeArticlesPerCollection))
            card.hasMoreArticles = card.articles.count < collection.articles.count
            return card
        }
    }
}
