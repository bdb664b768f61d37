/// One article's votes, for the report.
public struct ArticleFeedback: Sendable, Equatable {
    public struct Tally: Sendable, Equatable, Codable {
        public var no = 0
        public var partly = 0
        public var yes = 0
        public init(no: Int = 0, partly: Int = 0, yes: Int = 0) {
            self.no = no
            self.partly = partly
            self.yes = yes
        }
        public var total: Int { no + partly + yes }
        /// The share of "yes" (0...1), nil without votes.
        public var yesShare: Double? { total == 0 ? nil : Double(yes) / Double(total) }
        mutating func add(_ answer: FeedbackAnswer, _ count: Int) {
            switch answer {
            case .no: no += count
            case .partly: partly += count
            case .yes: yes += count
            }
        }
    }

    /// The votes of one week (weeks since 1970, UTC).
    public struct Week: Sendable, Equatable {
        public var week: Int64
        public var tally: Tally
    }

    public var article: String
    /// The article's title in the published site, when the report was given the site.
    public var title: String?
    /// False when the report was given the site and the article is no longer in it (moved or
    /// removed); nil without a site.
    public var published: Bool?
    public var tally: Tally
    /// Votes on the article as it is now (its latest revision) and on earlier revisions.
    public var sinceEdit: Tally
    public var beforeEdit: Tally
    /// When the latest revision got its first vote (milliseconds), nil when there is one revision only.
    public var editedAt: Int64?
    /// The latest revision's `updated:` date, if any.
    public var updated: String?
    public var weeks: [Week]
    public var comments: [VoteComment]

    /// The change in the share of "yes" since the last edit (-1...1), nil without votes on both sides.
    public var trend: Double? {
        guard let now = sinceEdit.yesShare, let before = beforeEdit.yesShare else { return nil }
        return now - before
    }

    /// What ranks articles, weakest first: the upper end of the 95% Wilson interval of the share
    /// of "yes". An article with many votes and few yeses comes before one with a single "no",
    /// which might well be fine (docs/feedback.md: Report).
    public var rankingScore: Double {
        let n = Double(tally.total)
        guard n > 0 else { return 1 }
        let p = Double(tally.yes) / n
        let z = 1.96
        let centre = p + z * z / (2 * n)
        let spread = z * ((p * (1 - p) + z * z / (4 * n)) / n).squareRoot()
        return (centre + spread) / (1 + z * z / n)
    }
}
