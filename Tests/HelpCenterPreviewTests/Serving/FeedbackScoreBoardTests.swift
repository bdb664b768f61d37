import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HelpCenterPreview

/// The readers' scores the preview passes on to its pages (helpcenter serve --feedback-database).
@Suite struct FeedbackScoreBoardTests {
    @Test func scoresAreServedOnceTheCommandPublishesThem() async throws {
        let server = try PreviewFixture.server()
        try await server.makeApplication().test(.router) { client in
            try await client.execute(uri: FeedbackScoreBoard.path, method: .get) { response in
                #expect(response.status == .notFound)
            }
            server.scores.publish(json: Data(#"{"guides/first-steps/":{"votes":4,"yesShare":0.25}}"#.utf8))
            try await client.execute(uri: FeedbackScoreBoard.path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                #expect(String(buffer: response.body).contains(#""votes":4"#))
            }
        }
    }
}
