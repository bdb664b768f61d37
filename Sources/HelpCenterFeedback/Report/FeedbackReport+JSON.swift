import Foundation

extension FeedbackReport {
    private struct Document: Encodable {
        var generatedAt: String
        var since: String?
        var totalVotes: Int
        var articles: [Article]
    }

    private struct Article: Encodable {
        var article: String
        var title: String?
        var published: Bool?
        var votes: ArticleFeedback.Tally
        var yesShare: Double?
        var sinceEdit: ArticleFeedback.Tally
        var beforeEdit: ArticleFeedback.Tally
        var trend: Double?
        var editedAt: String?
        var updated: String?
        var weeks: [Week]
        var latestComments: [Comment]
    }

    private struct Week: Encodable {
        var week: String
        var votes: ArticleFeedback.Tally
    }

    private struct Comment: Encodable {
        var date: String
        var answer: FeedbackAnswer
        var comment: String
    }

    /// The report as JSON (weakest article first), for other tools.
    public func json() -> String {
        let document = Document(
            generatedAt: ReportDates.day(generatedAt), since: since.map(ReportDates.day), totalVotes: totalVotes,
            articles: articles.map { entry in
                Article(
                    article: entry.article, title: entry.title, published: entry.published, votes: entry.tally, yesShare: entry.tally.yesShare,
                    sinceEdit: entry.sinceEdit, beforeEdit: entry.beforeEdit,
                    trend: entry.trend, editedAt: entry.editedAt.map(ReportDates.day), updated: entry.updated,
                    weeks: entry.weeks.map { Week(week: ReportDates.weekStart($0.week), votes: $0.tally) },
                    latestComments: entry.comments.map { Comment(date: ReportDates.day($0.receivedAt), answer: $0.answer, comment: $0.comment) })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return (String(data: data, encoding: .utf8) ?? "{}") + "\n"
    }
}
