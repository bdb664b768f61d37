import Foundation
import Synchronization

/// The readers' scores of the articles, when `helpcenter serve --feedback-database` names the
/// collector's database: JSON (`{"path/": {"votes", "yesShare", "trend"}}`) published by the
/// command, served at ``path``, and shown by the live-reload script in each article's feedback
/// box (docs/feedback.md: The preview). The preview only passes the bytes on.
public final class FeedbackScoreBoard: Sendable {
    public static let path = LiveReloadScript.reservedPrefix + "feedback-scores.json"

    private let scores = Mutex<ServedFile?>(nil)

    public init() {}

    public func publish(json: Data) {
        let file = ServedFile(path: "feedback-scores.json", data: json)
        scores.withLock { $0 = file }
    }

    public var current: ServedFile? { scores.withLock { $0 } }
}
