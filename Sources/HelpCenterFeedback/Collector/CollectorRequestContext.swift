import Hummingbird
import NIOCore

/// The request context: Hummingbird's core, plus the peer's address for the rate limit (which
/// is used in memory and never stored).
public struct CollectorRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public let peerAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
    }

    public var maxUploadSize: Int { FeedbackLimits.bodyBytes }
}
