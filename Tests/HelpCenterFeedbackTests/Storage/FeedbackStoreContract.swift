import Testing

@testable import HelpCenterFeedback

/// What every store must do, run against a real SQLite file and a real PostgreSQL server.
enum FeedbackStoreContract {
    static func vote(_ article: String, _ answer: FeedbackAnswer, at time: Int64, revision: String = "r1", comment: String? = nil) -> FeedbackVote {
        FeedbackVote(
            id: VoteIdentifier.make(), article: article, answer: answer, comment: comment, receivedAt: time, articleUpdated: "2026-11-29",
            articleRevision: revision)
    }

    static func storesAndCountsVotes(_ store: any FeedbackStore) async throws {
        #expect(try await store.schemaVersion() == FeedbackMigrations.latestVersion)
        #expect(try await store.count() == 0)
        try await store.record([vote("a/", .yes, at: 1_000), vote("a/", .no, at: 2_000, comment: "<script>alert(1)</script>"), vote("b/", .partly, at: 3_000)])
        #expect(try await store.count() == 3)
        let counts = try await store.voteCounts(since: nil)
        #expect(counts.filter { $0.article == "a/" }.reduce(0) { $0 + $1.votes } == 2)
        let comments = try await store.latestComments(since: nil, perArticle: 5)
        #expect(comments == [VoteComment(article: "a/", answer: .no, comment: "<script>alert(1)</script>", receivedAt: 2_000)])
        #expect(try await store.voteCounts(since: 2_500).map(\.article) == ["b/"])
    }

    static func refusesABatchWhole(_ store: any FeedbackStore) async throws {
        let good = vote("a/", .yes, at: 1_000)
        var duplicate = vote("a/", .no, at: 1_001)
        duplicate.id = good.id
        await #expect(throws: (any Error).self) { try await store.record([good, duplicate]) }
        #expect(try await store.count() == 0)
    }

    /// The longest comment the collector accepts is stored: the store's CHECK counts as
    /// `VoteSubmission` does (Unicode scalars). Combining marks and emoji families, which Swift
    /// counts as fewer characters, once passed the collector and failed the store's check.
    static func storesTheLongestCommentTheCollectorAccepts(_ store: any FeedbackStore) async throws {
        let marks = "x" + String(repeating: "\u{301}", count: FeedbackLimits.commentCharacters - 1)
        let families = String(repeating: "👨‍👩‍👧", count: FeedbackLimits.commentCharacters / 5)
        for comment in [marks, families] {
            let body = #"{"article":"a/","reaction":"no","comment":"\#(comment)"}"#
            #expect(try VoteSubmission.parse(Array(body.utf8)).comment == comment)
        }
        try await store.record([vote("a/", .no, at: 1_000, comment: marks), vote("a/", .no, at: 1_001, comment: families)])
        #expect(try await store.count() == 2)
    }

    static func addsACommentOnceToTheRightVote(_ store: any FeedbackStore) async throws {
        let first = vote("a/", .no, at: 10_000)
        try await store.record([first])
        #expect(try await store.addComment("Too short", toVote: first.id, article: "b/", answer: .no, notBefore: 0) == false)
        #expect(try await store.addComment("Too short", toVote: first.id, article: "a/", answer: .no, notBefore: 20_000) == false)
        #expect(try await store.addComment("Too short", toVote: first.id, article: "a/", answer: .no, notBefore: 0))
        #expect(try await store.addComment("Again", toVote: first.id, article: "a/", answer: .no, notBefore: 0) == false)
        #expect(try await store.latestComments(since: nil, perArticle: 5).map(\.comment) == ["Too short"])
    }
}
