import Foundation

extension FeedbackReport {
    private struct Score: Encodable {
        var votes: Int
        var yesShare: Double
        var trend: Double?
    }

    /// Each article's score for the writers' preview: `{"path/": {"votes", "yesShare", "trend"}}`.
    public func scoresJSON() -> Data {
        var scores: [String: Score] = [:]
        for entry in articles {
            guard let share = entry.tally.yesShare else { continue }
            scores[entry.article] = Score(votes: entry.tally.total, yesShare: share, trend: entry.trend)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(scores)) ?? Data("{}".utf8)
    }
}
