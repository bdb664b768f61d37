import HTTPTypes
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
import Testing

@testable import HelpCenterHTTP

/// The limits Hummingbird has no setting for, on an embedded channel whose clock the test moves.
@Suite struct ConnectionDeadlinesTests {
    static func channel() throws -> EmbeddedChannel {
        let channel = EmbeddedChannel(handler: ConnectionDeadlines(requestTime: .seconds(15), stallTime: .seconds(60)))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 8080)).wait()
        return channel
    }

    /// The client stops (false) or starts again (true) taking what is written.
    static func setWritable(_ writable: Bool, _ channel: EmbeddedChannel) {
        channel.isWritable = writable
        channel.pipeline.fireChannelWritabilityChanged()
    }

    static let post = HTTPRequestPart.head(HTTPRequest(method: .post, scheme: nil, authority: "x", path: "/"))

    /// A request refused before its body was read: the client trickled the body, a byte every
    /// few seconds, and the connection stayed open for as long as it did.
    @Test func aRequestStillArrivingAfterItsTimeIsClosed() throws {
        let channel = try Self.channel()
        try channel.writeInbound(Self.post)
        for _ in 0..<7 {
            channel.embeddedEventLoop.advanceTime(by: .seconds(2))
            try channel.writeInbound(HTTPRequestPart.body(ByteBuffer(string: " ")))
        }
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(!channel.isActive)
    }

    @Test func aRequestThatArrivesInTimeKeepsTheConnection() throws {
        let channel = try Self.channel()
        try channel.writeInbound(Self.post)
        channel.embeddedEventLoop.advanceTime(by: .seconds(10))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        channel.embeddedEventLoop.advanceTime(by: .seconds(60))
        #expect(channel.isActive)
        // The next request gets its own time.
        try channel.writeInbound(Self.post)
        channel.embeddedEventLoop.advanceTime(by: .seconds(14))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(!channel.isActive)
    }

    /// A client that sent many requests and read nothing held its connection for ever.
    @Test func aResponseNobodyReadsForItsTimeIsClosed() throws {
        let channel = try Self.channel()
        Self.setWritable(false, channel)
        channel.embeddedEventLoop.advanceTime(by: .seconds(59))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(!channel.isActive)
    }

    /// A large body (the search index, a page) counted as one write, done only at its end: a
    /// reader taking it slowly but steadily was closed after a minute. It is written in slices,
    /// each write's completion is progress, and the connection is closed only a minute after
    /// the last progress.
    @Test func aLargeBodyIsWrittenInSlices() throws {
        let channel = try Self.channel()
        let body = ByteBuffer(repeating: 7, count: 10 * ConnectionDeadlines.sliceSize + 5)
        try channel.writeOutbound(HTTPResponsePart.body(body))
        var sizes: [Int] = []
        while let part = try channel.readOutbound(as: HTTPResponsePart.self) {
            if case .body(let slice) = part { sizes.append(slice.readableBytes) }
        }
        #expect(sizes == Array(repeating: ConnectionDeadlines.sliceSize, count: 10) + [5])
    }

    @Test func whileWritesCompleteAFullBufferKeepsTheConnection() throws {
        let channel = try Self.channel()
        Self.setWritable(false, channel)
        // Some of the response reaches the client every 40 s, for five minutes.
        for _ in 0..<8 {
            channel.embeddedEventLoop.advanceTime(by: .seconds(40))
            #expect(channel.isActive)
            try channel.writeOutbound(HTTPResponsePart.body(ByteBuffer(string: "x")))
        }
        // Then nothing more: closed a minute after the last progress.
        channel.embeddedEventLoop.advanceTime(by: .seconds(59))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(!channel.isActive)
    }

    @Test func aSlowReaderThatDrainsKeepsTheConnection() throws {
        let channel = try Self.channel()
        for _ in 0..<4 {
            Self.setWritable(false, channel)
            channel.embeddedEventLoop.advanceTime(by: .seconds(50))
            Self.setWritable(true, channel)
        }
        channel.embeddedEventLoop.advanceTime(by: .seconds(120))
        #expect(channel.isActive)
    }
}
