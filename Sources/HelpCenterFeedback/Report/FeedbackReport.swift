/// The writers' report: each article's votes, share of "yes", trend since the last edit and
/// latest comments, the weakest articles first.
public struct FeedbackReport: Sendable, Equatable {
    public var articles: [ArticleFeedback]
    /// Votes counted from this time on (milliseconds), nil for all.
    public var since: Int64?
    public var generatedAt: Int64

    public var totalVotes: Int { articles.reduce(0) { $0 + $1.tally.total } }

    /// Builds the report from the store's counts and comments (pure: no I/O).
    public init(counts: [VoteCount], comments: [VoteComment], since: Int64?, generatedAt: Int64) {
        self.since = since
        self.generatedAt = generatedAt
        let byArticle = Dictionary(grouping: counts, by: \.article)
        let commentsByArticle = Dictionary(grouping: comments, by: \.article)
        var articles: [ArticleFeedback] = []
        for (article, rows) in byArticle {
            // The latest revision: the one whose first vote is the most recent.
            var firstVote: [String: Int64] = [:]
            var updatedOf: [String: String] = [:]
            for row in rows {
                firstVote[row.revision] = min(firstVote[row.revision] ?? .max, row.firstReceivedAt)
                if let updated = row.updated { updatedOf[row.revision] = updated }
            }
            let latest = firstVote.max { $0.value == $1.value ? $0.key < $1.key : $0.value < $1.value }?.key ?? ""
            var tally = ArticleFeedback.Tally()
            var sinceEdit = ArticleFeedback.Tally()
            var beforeEdit = ArticleFeedback.Tally()
            var weeks: [Int64: ArticleFeedback.Tally] = [:]
            for row in rows {
                tally.add(row.answer, row.votes)
                if row.revision == latest { sinceEdit.add(row.answer, row.votes) } else { beforeEdit.add(row.answer, row.votes) }
                weeks[row.week, default: .init()].add(row.answer, row.votes)
            }
            articles.append(
                ArticleFeedback(
                    article: article, tally: tally, sinceEdit: sinceEdit, beforeEdit: beforeEdit,
                    editedAt: firstVote.count > 1 ? firstVote[latest] : nil, updated: updatedOf[latest],
                    weeks: weeks.keys.sorted().map { ArticleFeedback.Week(week: $0, tally: weeks[$0] ?? .init()) },
                    comments: (commentsByArticle[article] ?? []).sorted { $0.receivedAt > $1.receivedAt }))
        }
        self.articles = articles.sorted { left, right in
            if left.rankingScore != right.rankingScore { return left.rankingScore < right.rankingScore }
            if left.tally.total != right.tally.total { return left.tally.total > right.tally.total }
            return left.article < right.article
        }
    }

    /// Reads the store and builds the report.
    public static func load(from store: any FeedbackStore, since: Int64?, commentsPerArticle: Int = 5, now: Int64 = FeedbackClock.nowMilliseconds())
        async throws
        -> FeedbackReport
    {
        let counts = try await store.voteCounts(since: since)
        let comments = try await store.latestComments(since: since, perArticle: commentsPerArticle)
        return FeedbackReport(counts: counts, comments: comments, since: since, generatedAt: now)
    }

    /// Names each article by its title in the published site, and marks those no longer in it.
    public mutating func name(from catalog: SiteArticleCatalog) {
        for index in articles.indices {
            let article = catalog[articles[index].article]
            articles[index].title = article?.title
            articles[index].published = article != nil
        }
    }
}
