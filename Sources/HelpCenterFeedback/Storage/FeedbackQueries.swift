/// SQL shared by both stores (`?` placeholders; PostgreSQL's store numbers them).
enum FeedbackQueries {
    static let latestComments = """
        SELECT article, answer, comment, received_at FROM (
            SELECT article, answer, comment, received_at,
                ROW_NUMBER() OVER (PARTITION BY article ORDER BY received_at DESC, vote_id) AS position
            FROM feedback_votes WHERE comment IS NOT NULL AND received_at >= ?
        ) AS ranked WHERE position <= ? ORDER BY article, received_at DESC
        """
}
