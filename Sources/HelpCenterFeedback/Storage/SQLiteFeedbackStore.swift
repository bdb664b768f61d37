import GRDB

/// Votes in an SQLite file, through GRDB. The file is in WAL mode with `synchronous = FULL`: a
/// committed transaction is on disk before `record` returns, so an acknowledged vote survives
/// `kill -9` and a power cut (docs/feedback.md: Durability).
public final class SQLiteFeedbackStore: FeedbackStore {
    private let pool: DatabasePool

    /// Opens (or creates) the file and applies the pending migrations.
    public init(path: String) async throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        // GRDB turns WAL on with `synchronous = NORMAL` after `prepareDatabase`; the writer
        // connection, the only one that commits, is set back to FULL here (tested).
        try await pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        try await pool.write { db in
            try db.execute(sql: FeedbackMigrations.versionTable)
            let version = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM feedback_schema_migrations") ?? 0
            for step in try FeedbackMigrations.pending(after: version) {
                for statement in step.statements { try db.execute(sql: statement) }
                try db.execute(
                    sql: "INSERT INTO feedback_schema_migrations (version, description, applied_at) VALUES (?, ?, ?)",
                    arguments: [step.version, step.description, FeedbackClock.nowMilliseconds()])
            }
        }
    }

    public func record(_ votes: [FeedbackVote]) async throws {
        guard !votes.isEmpty else { return }
        try await pool.write { db in
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO feedback_votes (vote_id, article, answer, comment, received_at, article_updated, article_revision)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
            for vote in votes {
                try insert.execute(arguments: [
                    vote.id, vote.article, vote.answer.rawValue, vote.comment, vote.receivedAt, vote.articleUpdated, vote.articleRevision,
                ])
            }
        }
    }

    public func addComment(_ comment: String, toVote id: String, article: String, answer: FeedbackAnswer, notBefore: Int64) async throws -> Bool {
        try await pool.write { db in
            try db.execute(
                sql: """
                    UPDATE feedback_votes SET comment = ?
                    WHERE vote_id = ? AND article = ? AND answer = ? AND comment IS NULL AND received_at >= ?
                    """,
                arguments: [comment, id, article, answer.rawValue, notBefore])
            return db.changesCount == 1
        }
    }

    public func voteCounts(since: Int64?) async throws -> [VoteCount] {
        try await pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT article, article_revision, MAX(article_updated), \(FeedbackMigrations.weekExpression) AS week, answer,
                        COUNT(*), MIN(received_at)
                    FROM feedback_votes WHERE received_at >= ?
                    GROUP BY article, article_revision, week, answer
                    """,
                arguments: [since ?? Int64.min])
            return rows.compactMap { row in
                guard let answer = FeedbackAnswer(rawValue: row[4]) else { return nil }
                return VoteCount(
                    article: row[0], revision: row[1], updated: row[2], week: row[3], answer: answer, votes: row[5], firstReceivedAt: row[6])
            }
        }
    }

    public func latestComments(since: Int64?, perArticle: Int) async throws -> [VoteComment] {
        try await pool.read { db in
            let rows = try Row.fetchAll(db, sql: FeedbackQueries.latestComments, arguments: [since ?? Int64.min, perArticle])
            return rows.compactMap { row in
                guard let answer = FeedbackAnswer(rawValue: row[1]) else { return nil }
                return VoteComment(article: row[0], answer: answer, comment: row[2], receivedAt: row[3])
            }
        }
    }

    public func count() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feedback_votes") ?? 0 }
    }

    /// The journal mode and the synchronous level of a connection (`wal`, 2 for FULL).
    func durabilitySettings() async throws -> (journalMode: String, synchronous: Int) {
        try await pool.write { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "", try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1)
        }
    }

    public func schemaVersion() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT MAX(version) FROM feedback_schema_migrations") ?? 0 }
    }
}
