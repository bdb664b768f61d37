/// Finds each article's related articles: those sharing the most tags with it, then those in
/// the same collection, then by title. Works on integer indices and sorted per-tag lists, so
/// a site with thousands of articles per tag stays linear in the tags' list lengths.
struct RelatedArticles: Sendable {
    /// Articles in tie-break order (title, then source path).
    private let articles: [SiteModel.Article]
    private let collectionOf: [Int]
    private let positionOf: [String: Int]
    /// For each tag, the ascending indices of the articles that carry it.
    private let byTag: [String: [Int]]

    init(_ site: SiteModel) {
        let all = site.collections.flatMap(\.articles).sorted {
            ($0.matter.title, $0.record.sourcePath) < ($1.matter.title, $1.record.sourcePath)
        }
        articles = all
        var collectionNumbers: [String: Int] = [:]
        collectionOf = all.map { article in
            if let number = collectionNumbers[article.collection] { return number }
            let number = collectionNumbers.count
            collectionNumbers[article.collection] = number
            return number
        }
        var positions: [String: Int] = [:]
        var tags: [String: [Int]] = [:]
        for (index, article) in all.enumerated() {
            positions[article.record.sourcePath] = index
            for tag in Set(article.matter.tags) { tags[tag, default: []].append(index) }
        }
        positionOf = positions
        byTag = tags
    }

    func related(to article: SiteModel.Article, limit: Int = 5) -> [ArticleSummary] {
        guard let own = positionOf[article.record.sourcePath] else { return [] }
        let lists = Set(article.matter.tags).compactMap { byTag[$0] }
        guard !lists.isEmpty else { return [] }
        let ownCollection = collectionOf[own]
        // Merge the sorted lists, counting how many of them hold each index.
        var cursors = Array(repeating: 0, count: lists.count)
        var top: [(score: Int, sameCollection: Bool, index: Int)] = []
        func ranksBefore(_ a: (score: Int, sameCollection: Bool, index: Int), _ b: (score: Int, sameCollection: Bool, index: Int)) -> Bool {
            if a.score != b.score { return a.score > b.score }
            if a.sameCollection != b.sameCollection { return a.sameCollection }
            return a.index < b.index
        }
        while true {
            var smallest = Int.max
            for (list, cursor) in zip(lists, cursors) where cursor < list.count { smallest = min(smallest, list[cursor]) }
            guard smallest != Int.max else { break }
            var score = 0
            for position in lists.indices where cursors[position] < lists[position].count && lists[position][cursors[position]] == smallest {
                score += 1
                cursors[position] += 1
            }
            guard smallest != own else { continue }
            let entry = (score: score, sameCollection: collectionOf[smallest] == ownCollection, index: smallest)
            if top.count == limit, let last = top.last, !ranksBefore(entry, last) { continue }
            let insertAt = top.firstIndex { ranksBefore(entry, $0) } ?? top.count
            top.insert(entry, at: insertAt)
            if top.count > limit { top.removeLast() }
        }
        return top.map { articles[$0.index].summary }
    }
}
