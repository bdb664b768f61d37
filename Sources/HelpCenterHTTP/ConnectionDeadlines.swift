import NIOCore
import NIOHTTPTypes

/// Two limits on one HTTP connection that the server's idle timeout does not give, for the
/// preview and the feedback collector (both Hummingbird, whose idle timer restarts with every
/// byte read and is paused while a response is written):
///
/// - **A request must arrive whole in `requestTime`** from its head to its end. A request the
///   application refuses before reading its body (a vote from another origin, to the wrong
///   path, too large by its `Content-Length`) left Hummingbird reading the rest of the body
///   for as long as the client sent a byte every few seconds: one client held 4,200 such
///   connections and no reader could vote (session 21's review).
/// - **A response must make progress**: once the connection's outbound buffer is full (the
///   client stopped reading), it is closed if it stays full for `stallTime`. A client that
///   sent 20,000 pipelined requests and read nothing kept its connection for ever, and kept
///   the collector from stopping on SIGTERM.
///
/// Hummingbird takes extra channel handlers (`HTTP1Channel.Configuration.additionalChannelHandlers`);
/// this is one, between the HTTP codec and Hummingbird's own connection state handler. Written
/// here because neither Hummingbird nor SwiftNIO has such a limit to configure.
public final class ConnectionDeadlines: ChannelDuplexHandler, RemovableChannelHandler {
    public typealias InboundIn = HTTPRequestPart
    public typealias InboundOut = HTTPRequestPart
    public typealias OutboundIn = HTTPResponsePart
    public typealias OutboundOut = HTTPResponsePart

    private let requestTime: TimeAmount
    private let stallTime: TimeAmount
    private var requestDeadline: Scheduled<Void>?
    private var stallDeadline: Scheduled<Void>?

    public init(requestTime: TimeAmount, stallTime: TimeAmount) {
        self.requestTime = requestTime
        self.stallTime = stallTime
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            if requestDeadline == nil {
                requestDeadline = context.eventLoop.assumeIsolated().scheduleTask(in: requestTime) { [weak self] in
                    self?.requestDeadline = nil
                    context.close(promise: nil)
                }
            }
        case .body:
            break
        case .end:
            requestDeadline?.cancel()
            requestDeadline = nil
        }
        context.fireChannelRead(data)
    }

    public func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            stallDeadline?.cancel()
            stallDeadline = nil
        } else if stallDeadline == nil {
            stallDeadline = context.eventLoop.assumeIsolated().scheduleTask(in: stallTime) { [weak self] in
                self?.stallDeadline = nil
                context.close(promise: nil)
            }
        }
        context.fireChannelWritabilityChanged()
    }

    public func channelInactive(context: ChannelHandlerContext) {
        cancelDeadlines()
        context.fireChannelInactive()
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        cancelDeadlines()
    }

    private func cancelDeadlines() {
        requestDeadline?.cancel()
        requestDeadline = nil
        stallDeadline?.cancel()
        stallDeadline = nil
    }
}

@available(*, unavailable)
extension ConnectionDeadlines: Sendable {}
