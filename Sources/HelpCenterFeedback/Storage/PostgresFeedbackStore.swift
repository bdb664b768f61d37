import Logging
import PostgresNIO

/// Votes in PostgreSQL, through postgres-nio's connection pool, for several collectors behind a
/// load balancer. Each call has a deadline: while the server is away, calls fail (the collector
/// answers 503) and the pool connects again when it returns.
public final class PostgresFeedbackStore: FeedbackStore {
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let deadline: Duration

    /// Connects, and applies the pending migrations under an advisory lock (collectors starting
    /// together apply each step once), within ten times `deadline`.
    public init(_ location: FeedbackDatabase.PostgresLocation, deadline: Duration = .seconds(3), logger: Logger? = nil) async throws {
        // The pool logs every failed reconnection at info: quiet unless a logger is given.
        var quiet = Logger(label: "helpcenter.feedback.postgres")
        quiet.logLevel = .warning
        let logger = logger ?? quiet
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password, database: location.database,
            tls: location.requiresTLS ? .require(.clientDefault) : .disable)
        configuration.options.connectTimeout = .seconds(2)
        configuration.options.maximumConnections = 8
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        self.deadline = deadline
        runner = Task { await client.run() }
        do {
            try await migrate(within: deadline * 10)
        } catch {
            runner.cancel()
            throw error
        }
    }

    deinit { runner.cancel() }

    /// Stops the pool.
    public func shutdown() { runner.cancel() }

    private func migrate(within limit: Duration) async throws {
        let logger = Logger(label: "helpcenter.feedback.migrations")
        try await withDeadline(limit) { [client] in
            try await client.withTransaction(logger: logger) { connection in
                // 0x68656c70 = "help": the lock every collector takes before migrating.
                try await connection.query("SELECT pg_advisory_xact_lock(1751477360)", logger: logger)
                try await connection.query(PostgresQuery(unsafeSQL: FeedbackMigrations.versionTable), logger: logger)
                let rows = try await connection.query("SELECT COALESCE(MAX(version), 0)::bigint FROM feedback_schema_migrations", logger: logger)
                var version = 0
                for try await (value) in rows.decode(Int64.self) { version = Int(value) }
                for step in try FeedbackMigrations.pending(after: version) {
                    for statement in step.statements { try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger) }
                    let now = FeedbackClock.nowMilliseconds()
                    try await connection.query(
                        "INSERT INTO feedback_schema_migrations (version, description, applied_at) VALUES (\(step.version), \(step.description), \(now))",
                        logger: logger)
                }
            }
        }
    }

    public func record(_ votes: [FeedbackVote]) async throws {
        guard !votes.isEmpty else { return }
        // One statement for the batch: arrays unnested into rows ('' stands for no comment or date).
        let ids = votes.map(\.id)
        let articles = votes.map(\.article)
        let answers = votes.map(\.answer.rawValue)
        let comments = votes.map { $0.comment ?? "" }
        let times = votes.map(\.receivedAt)
        let updated = votes.map { $0.articleUpdated ?? "" }
        let revisions = votes.map(\.articleRevision)
        _ = try await withDeadline(deadline) { [client] in
            try await client.query(
                """
                INSERT INTO feedback_votes (vote_id, article, answer, comment, received_at, article_updated, article_revision)
                SELECT v, a, s, NULLIF(c, ''), t, NULLIF(u, ''), r
                FROM unnest(\(ids)::text[], \(articles)::text[], \(answers)::text[], \(comments)::text[], \(times)::bigint[], \(updated)::text[], \(revisions)::text[])
                    AS batch(v, a, s, c, t, u, r)
                """)
        }
    }

    public func addComment(_ comment: String, toVote id: String, article: String, answer: FeedbackAnswer, notBefore: Int64) async throws -> Bool {
        try await withDeadline(deadline) { [client] in
            let rows = try await client.query(
                """
                UPDATE feedback_votes SET comment = \(comment)
                WHERE vote_id = \(id) AND article = \(article) AND answer = \(answer.rawValue) AND comment IS NULL AND received_at >= \(notBefore)
                RETURNING vote_id
                """)
            var updated = 0
            for try await _ in rows { updated += 1 }
            return updated == 1
        }
    }

    public func voteCounts(since: Int64?) async throws -> [VoteCount] {
        try await withDeadline(deadline) { [client] in
            let rows = try await client.query(
                """
                SELECT article, article_revision, MAX(article_updated), \(unescaped: FeedbackMigrations.weekExpression) AS week, answer,
                    COUNT(*)::bigint, MIN(received_at)
                FROM feedback_votes WHERE received_at >= \(since ?? Int64.min)
                GROUP BY article, article_revision, week, answer
                """)
            var counts: [VoteCount] = []
            for try await (article, revision, updated, week, answer, votes, first) in rows.decode((String, String, String?, Int64, String, Int64, Int64).self) {
                guard let answer = FeedbackAnswer(rawValue: answer) else { continue }
                counts.append(
                    VoteCount(article: article, revision: revision, updated: updated, week: week, answer: answer, votes: Int(votes), firstReceivedAt: first))
            }
            return counts
        }
    }

    public func latestComments(since: Int64?, perArticle: Int) async throws -> [VoteComment] {
        var sql = ""
        var number = 0
        for character in FeedbackQueries.latestComments {
            if character == "?" {
                number += 1
                sql += "$\(number)"
            } else {
                sql.append(character)
            }
        }
        var bindings = PostgresBindings()
        bindings.append(since ?? Int64.min)
        bindings.append(Int64(perArticle))
        let query = PostgresQuery(unsafeSQL: sql, binds: bindings)
        return try await withDeadline(deadline) { [client] in
            let rows = try await client.query(query)
            var comments: [VoteComment] = []
            for try await (article, answer, comment, time) in rows.decode((String, String, String, Int64).self) {
                guard let answer = FeedbackAnswer(rawValue: answer) else { continue }
                comments.append(VoteComment(article: article, answer: answer, comment: comment, receivedAt: time))
            }
            return comments
        }
    }

    public func count() async throws -> Int {
        try await withDeadline(deadline) { [client] in
            var total = 0
            for try await (value) in try await client.query("SELECT COUNT(*)::bigint FROM feedback_votes").decode(Int64.self) { total = Int(value) }
            return total
        }
    }

    public func schemaVersion() async throws -> Int {
        try await withDeadline(deadline) { [client] in
            var version = 0
            for try await (value) in try await client.query("SELECT COALESCE(MAX(version), 0)::bigint FROM feedback_schema_migrations").decode(Int64.self) {
                version = Int(value)
            }
            return version
        }
    }
}

/// A query that must finish within `limit`: a database that does not answer is an error, not a wait.
private func withDeadline<Result: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async throws -> Result) async throws -> Result {
    try await withDeadline(limit, orThrow: FeedbackStoreError("the database did not answer within \(limit)"), operation)
}
