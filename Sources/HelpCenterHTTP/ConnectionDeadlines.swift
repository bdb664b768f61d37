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
/// - **A response must make progress**: while the connection's outbound buffer is full (the
///   client stopped reading), some of it must reach the client every `stallTime`, or the
///   connection is closed. A client that sent 20,000 pipelined requests and read nothing kept
///   its connection for ever, and kept the collector from stopping on SIGTERM. Progress is a
///   write completing; a body larger than `sliceSize` (a page, the search index) is written in
///   slices, so that a slow reader of a large file shows progress as each slice reaches it
///   (written whole, it counted as one write, done only at its end).
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
    /// When a write last completed (the client took some of the response).
    private var lastProgress = NIODeadline.uptimeNanoseconds(0)

    /// The largest piece of a body written at once (a quarter of NIO's high-water mark, 64 KiB).
    static let sliceSize = 16 * 1024

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

    public func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .body(var buffer) = unwrapOutboundIn(data), buffer.readableBytes > Self.sliceSize else {
            context.write(data, promise: trackingProgress(promise, on: context))
            return
        }
        while buffer.readableBytes > Self.sliceSize, let slice = buffer.readSlice(length: Self.sliceSize) {
            context.write(wrapOutboundOut(.body(slice)), promise: trackingProgress(nil, on: context))
        }
        context.write(wrapOutboundOut(.body(buffer)), promise: trackingProgress(promise, on: context))
    }

    /// `promise`, or a new one, that marks progress when the write completes.
    private func trackingProgress(_ promise: EventLoopPromise<Void>?, on context: ChannelHandlerContext) -> EventLoopPromise<Void> {
        let tracked = promise ?? context.eventLoop.makePromise(of: Void.self)
        let loop = context.eventLoop
        tracked.futureResult.assumeIsolated().whenSuccess { [weak self] in self?.lastProgress = loop.now }
        return tracked
    }

    public func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            stallDeadline?.cancel()
            stallDeadline = nil
        } else if stallDeadline == nil {
            lastProgress = context.eventLoop.now
            scheduleStallCheck(in: stallTime, context: context)
        }
        context.fireChannelWritabilityChanged()
    }

    /// Closes the connection if nothing was taken since `stallTime` ago, or looks again when
    /// that much time has passed since the last progress.
    private func scheduleStallCheck(in delay: TimeAmount, context: ChannelHandlerContext) {
        stallDeadline = context.eventLoop.assumeIsolated().scheduleTask(in: delay) { [weak self] in
            guard let self else { return }
            self.stallDeadline = nil
            guard !context.channel.isWritable else { return }
            let quiet = context.eventLoop.now - self.lastProgress
            if quiet >= self.stallTime {
                context.close(promise: nil)
            } else {
                self.scheduleStallCheck(in: self.stallTime - quiet, context: context)
            }
        }
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
