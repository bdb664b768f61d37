import HelpCenterConcurrency
import Testing

@testable import HelpCenterFeedback

/// The collector's connection limits (the idle timeout was checked over a socket: a connection
/// that sent half a request was closed after 30.0 s, docs/feedback.md).
@Suite struct FeedbackCollectorServerTests {
    @Test func connectionsAreCappedBelowTheOpenFileLimit() {
        #expect(ProcessLimits.connectionCap(FeedbackCollectorServer.maximumConnections, openFileLimit: 20_000) == 4096)
        #expect(ProcessLimits.connectionCap(FeedbackCollectorServer.maximumConnections, openFileLimit: 1024) == 896)
        #expect(ProcessLimits.connectionCap(FeedbackCollectorServer.maximumConnections, openFileLimit: 64) == 16)
    }
}
