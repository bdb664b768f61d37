/// One stored vote: what the reader answered about which version of which article, and when.
/// Nothing identifies the reader: no address, no cookie, no user agent (docs/feedback.md: Privacy).
public struct FeedbackVote: Sendable, Hashable {
    /// A random 128-bit key, returned to the widget so that the same reader can add a comment to
    /// this vote; kept only in the page's memory.
    public var id: String
    /// The article's site path, as in the built site (`collection/article/`).
    public var article: String
    public var answer: FeedbackAnswer
    /// The reader's words, as text (never interpreted as markup), at most ``FeedbackLimits/commentCharacters``.
    public var comment: String?
    /// Milliseconds since 1970-01-01 UTC.
    public var receivedAt: Int64
    /// The article's `updated:` date (`2026-11-29`) when the vote arrived, if it has one.
    public var articleUpdated: String?
    /// A short hash of the article's text as published when the vote arrived: votes before and
    /// after an edit have different revisions.
    public var articleRevision: String

    public init(
        id: String, article: String, answer: FeedbackAnswer, comment: String?, receivedAt: Int64, articleUpdated: String?, articleRevision: String
    ) {
        self.id = id
        self.article = article
        self.answer = answer
        self.comment = comment
        self.receivedAt = receivedAt
        self.articleUpdated = articleUpdated
        self.articleRevision = articleRevision
    }
}
