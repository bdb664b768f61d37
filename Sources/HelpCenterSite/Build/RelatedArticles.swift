import HelpCenterTemplates
import Synchronization

/// Finds each article's related articles: those sharing the most tags with it, then those in
/// the same collection, then by title. Works on integer indices and per-tag lists, so a site
/// with thousands of articles per tag stays linear in the lengths of the article's tag lists.
struct RelatedArticles: Sendable {
    /// The site's collections; articles are known by their place in them.
    private let collections: [SiteModel.Collection]
    /// Each article's place (collection, article), in tie-break order (title, then source path).
    /// Places, not copies: an article is a few dozen strings, and copying 10,000 of them was
    /// 1 % of a build, all on one core.
    private let places: [(collection: Int, article: Int)]
    private let positionOf: [String: Int]
    /// Each position's collection, apart from `places`: the ranking reads it for every
    /// candidate, and a 4-byte array stays in the cache where the tuples did not (the load was
    /// 40 % of the ranking's time, perf).
    private let collectionOf: [Int32]
    /// For each tag, the ascending indices of the articles that carry it.
    private let byTag: [String: [Int32]]
    /// Rankings already made, for the articles that have the same tags in the same collection
    /// (their lists differ only in leaving themselves out). On the 10,000-article corpus, about
    /// 7,000 rankings serve 10,000 articles: 0.983 of the build's time (`scripts/bench-ab.py`,
    /// docs/generator.md); an article whose tags no other article in its collection shares pays
    /// a sort of its tags and two uncontended locks for nothing.
    private let rankings = RankingCache()

    /// What an article's ranking depends on: its tags, its collection, and how many it needs.
    private struct RankingKey: Hashable {
        var collection: Int
        var tags: [String]
        var limit: Int
    }

    private final class RankingCache: Sendable {
        let rankings = Mutex<[RankingKey: [Int]]>([:])
    }

    /// No articles: for writers that render no article page.
    static let empty = RelatedArticles(SiteModel(records: [], configuration: SiteConfiguration()))

    init(_ site: SiteModel) {
        let collections = site.collections
        var places: [(collection: Int, article: Int)] = []
        places.reserveCapacity(site.articleCount)
        for c in collections.indices {
            for a in collections[c].articles.indices { places.append((c, a)) }
        }
        func title(_ place: (collection: Int, article: Int)) -> String { collections[place.collection].articles[place.article].matter.title }
        func source(_ place: (collection: Int, article: Int)) -> String { collections[place.collection].articles[place.article].record.sourcePath }
        places.sort { l, r in (title(l), source(l)) < (title(r), source(r)) }
        var positions: [String: Int] = [:]
        positions.reserveCapacity(places.count)
        var tags: [String: [Int32]] = [:]
        for (index, place) in places.enumerated() {
            positions[source(place)] = index
            for tag in Set(collections[place.collection].articles[place.article].matter.tags) { tags[tag, default: []].append(Int32(index)) }
        }
        self.collections = collections
        self.places = places
        collectionOf = places.map { Int32($0.collection) }
        positionOf = positions
        byTag = tags
    }

    private func summary(_ index: Int) -> ArticleSummary {
        collections[places[index].collection].articles[places[index].article].summary
    }

    private func sourcePath(_ index: Int) -> String {
        collections[places[index].collection].articles[places[index].article].record.sourcePath
    }

    /// The page's one related-articles list: the articles its writer picked (see
    /// `HandPickedArticle`), with their link text and anchor, then the best-ranked others that
    /// are not among them, up to `limit` in all (the picked ones are all shown, even past it).
    func related(to article: SiteModel.Article, handPicked: [HandPickedArticle], limit: Int) -> [ArticleSummary] {
        var list = handPicked.map { picked in
            var summary =
                positionOf[picked.sourcePath].map(summary)
                ?? ArticleSummary(title: picked.title, description: nil, path: picked.address, updated: nil, isDraft: false)
            summary.title = picked.title
            summary.path = picked.address
            return summary
        }
        list += generated(to: article, excluding: handPicked, limit: limit).map(summary)
        return list
    }

    /// The source paths of the generated part of ``related(to:handPicked:limit:)``, in its order.
    func generatedSources(to article: SiteModel.Article, excluding handPicked: [HandPickedArticle], limit: Int) -> [String] {
        generated(to: article, excluding: handPicked, limit: limit).map(sourcePath)
    }

    private func generated(to article: SiteModel.Article, excluding handPicked: [HandPickedArticle], limit: Int) -> [Int] {
        let room = limit - handPicked.count
        guard room > 0 else { return [] }
        let picked = Set(handPicked.map(\.sourcePath))
        return Array(ranked(article, limit: room + picked.count).lazy.filter { !picked.contains(self.sourcePath($0)) }.prefix(room))
    }

    /// The article at `sourcePath` as this index knows it (nil: not in its site).
    func article(at sourcePath: String) -> SiteModel.Article? {
        positionOf[sourcePath].map { collections[places[$0].collection].articles[places[$0].article] }
    }

    /// The positions of the related articles, best first: the ranking of the article's tags
    /// and collection (its best `limit + 1`, made once per key), without the article itself.
    private func ranked(_ article: SiteModel.Article, limit: Int) -> [Int] {
        guard let own = positionOf[article.record.sourcePath] else { return [] }
        let key = RankingKey(collection: places[own].collection, tags: Set(article.matter.tags).sorted(), limit: limit + 1)
        let shared: [Int]
        if let known = rankings.rankings.withLock({ $0[key] }) {
            shared = known
        } else {
            shared = ranking(key)
            rankings.rankings.withLock { $0[key] = shared }
        }
        return Array(shared.lazy.filter { $0 != own }.prefix(limit))
    }

    /// The best `key.limit` articles sharing a tag with `key.tags`: most tags shared first, then
    /// those in `key.collection`, then in tie-break order.
    private func ranking(_ key: RankingKey) -> [Int] {
        let lists = key.tags.compactMap { byTag[$0] }
        guard !lists.isEmpty else { return [] }
        let limit = key.limit
        // Count shared tags in a dense scratch array, then visit each candidate once.
        var counts = [Int32](repeating: 0, count: places.count)
        for list in lists {
            for index in list { counts[Int(index)] += 1 }
        }
        var top: [(score: Int32, sameCollection: Bool, index: Int)] = []
        top.reserveCapacity(limit + 1)
        for list in lists {
            for index32 in list {
                let index = Int(index32)
                let score = counts[index]
                guard score > 0 else { continue }
                counts[index] = 0
                // Below the last kept already: no need to build the candidate.
                if top.count == limit, let last = top.last, score < last.score { continue }
                let candidate = (score: score, sameCollection: Int(collectionOf[index]) == key.collection, index: index)
                if top.count == limit, let last = top.last, !Self.ranksBefore(candidate, last) { continue }
                let insertAt = top.firstIndex { Self.ranksBefore(candidate, $0) } ?? top.count
                top.insert(candidate, at: insertAt)
                if top.count > limit { top.removeLast() }
            }
        }
        return top.map(\.index)
    }

    private static func ranksBefore(
        _ a: (score: Int32, sameCollection: Bool, index: Int), _ b: (score: Int32, sameCollection: Bool, index: Int)
    ) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.sameCollection != b.sameCollection { return a.sameCollection }
        return a.index < b.index
    }
}
