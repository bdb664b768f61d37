/// The schema, as numbered steps applied in order at start, each in its own transaction with its
/// version recorded in `feedback_schema_migrations`. The same SQL serves SQLite and PostgreSQL;
/// a step is never edited once released: a change is a new step (docs/feedback.md: Schema).
public enum FeedbackMigrations {
    public struct Step: Sendable {
        public var version: Int
        public var description: String
        public var statements: [String]
    }

    public static let versionTable = """
        CREATE TABLE IF NOT EXISTS feedback_schema_migrations (
            version INTEGER PRIMARY KEY,
            description TEXT NOT NULL,
            applied_at BIGINT NOT NULL
        )
        """

    public static let steps: [Step] = [
        Step(
            version: 1, description: "votes",
            statements: [
                """
                CREATE TABLE feedback_votes (
                    vote_id TEXT PRIMARY KEY,
                    article TEXT NOT NULL,
                    answer TEXT NOT NULL CHECK (answer IN ('no', 'partly', 'yes')),
                    comment TEXT CHECK (comment IS NULL OR length(comment) <= 1000),
                    received_at BIGINT NOT NULL,
                    article_updated TEXT,
                    article_revision TEXT NOT NULL
                )
                """,
                "CREATE INDEX feedback_votes_by_time ON feedback_votes (received_at)",
                "CREATE INDEX feedback_votes_by_article ON feedback_votes (article, received_at)",
            ])
    ]

    public static var latestVersion: Int { steps.last?.version ?? 0 }

    /// The steps still to apply to a database at `version`.
    public static func pending(after version: Int) throws(FeedbackSchemaError) -> [Step] {
        guard version <= latestVersion else { throw FeedbackSchemaError(databaseVersion: version, knownVersion: latestVersion) }
        return steps.filter { $0.version > version }
    }

    /// Weeks since 1970 of a time in milliseconds, in SQL (both dialects: integer division).
    static let weekExpression = "(received_at / 604800000)"
}

/// The database was written by a newer collector.
public struct FeedbackSchemaError: Error, Sendable, CustomStringConvertible {
    public var databaseVersion: Int
    public var knownVersion: Int
    public var description: String {
        "the feedback database has schema version \(databaseVersion), newer than this program's \(knownVersion): use a newer helpcenter"
    }
}
