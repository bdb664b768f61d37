/// Where votes are kept. Both stores have one schema (``FeedbackMigrations``), applied when they
/// open; a vote is acknowledged only after ``record(_:)`` returned, that is after its commit.
public protocol FeedbackStore: Sendable {
    /// Stores the votes in one transaction: all of them or none.
    func record(_ votes: [FeedbackVote]) async throws
    /// Adds a comment to a vote that has none, received after `notBefore` (milliseconds), for the
    /// same article and answer; false when there is no such vote.
    func addComment(_ comment: String, toVote id: String, article: String, answer: FeedbackAnswer, notBefore: Int64) async throws -> Bool
    /// Vote counts by article, revision, week and answer, for votes received at or after `since`.
    func voteCounts(since: Int64?) async throws -> [VoteCount]
    /// The latest comments of each article, newest first, at most `perArticle` each.
    func latestComments(since: Int64?, perArticle: Int) async throws -> [VoteComment]
    /// Every vote stored.
    func count() async throws -> Int
    /// The schema version in the database.
    func schemaVersion() async throws -> Int
}

/// A group of votes for the report: one article revision, one week, one answer.
public struct VoteCount: Sendable, Hashable {
    public var article: String
    public var revision: String
    public var updated: String?
    /// Weeks since 1970-01-01 (a Thursday), UTC.
    public var week: Int64
    public var answer: FeedbackAnswer
    public var votes: Int
    /// The first vote of this group, in milliseconds since 1970.
    public var firstReceivedAt: Int64

    public init(article: String, revision: String, updated: String?, week: Int64, answer: FeedbackAnswer, votes: Int, firstReceivedAt: Int64) {
        self.article = article
        self.revision = revision
        self.updated = updated
        self.week = week
        self.answer = answer
        self.votes = votes
        self.firstReceivedAt = firstReceivedAt
    }
}

/// A reader's comment, as text.
public struct VoteComment: Sendable, Hashable, Codable {
    public var article: String
    public var answer: FeedbackAnswer
    public var comment: String
    public var receivedAt: Int64

    public init(article: String, answer: FeedbackAnswer, comment: String, receivedAt: Int64) {
        self.article = article
        self.answer = answer
        self.comment = comment
        self.receivedAt = receivedAt
    }
}

/// A store that failed: the collector answers 503 and goes on.
public struct FeedbackStoreError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
