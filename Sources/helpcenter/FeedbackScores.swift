import Foundation
import HelpCenterFeedback
import HelpCenterPreview

/// `helpcenter serve --feedback-database`: reads the votes every 30 s and hands the preview
/// each article's score.
enum FeedbackScores {
    static let interval: Duration = .seconds(30)

    /// Opens the database and starts refreshing; nil without a database.
    static func start(_ database: String?, board: FeedbackScoreBoard, console: Console) async throws -> Task<Void, Never>? {
        guard let database else { return nil }
        let store: any FeedbackStore
        do {
            let location = try FeedbackDatabase(database)
            if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
                throw CommandFailure("no feedback database at '\(path)' (helpcenter feedback serve creates it)")
            }
            store = try await location.open()
            board.publish(json: try await FeedbackReport.load(from: store, since: nil, commentsPerArticle: 0).scoresJSON())
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("--feedback-database: \(error)")
        }
        return Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if let report = try? await FeedbackReport.load(from: store, since: nil, commentsPerArticle: 0) {
                    board.publish(json: report.scoresJSON())
                } else {
                    console.note("the feedback database could not be read; the scores shown are older")
                }
            }
        }
    }
}
