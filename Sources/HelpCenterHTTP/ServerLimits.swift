import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

/// The HTTP settings the preview and the feedback collector share: how long a connection may
/// sit idle, take to send a request, or leave a response unread; and how a server stops.
public enum ServerLimits {
    /// A connection with no request for this long is closed (one being answered, such as a
    /// page's event stream, is not idle). Browsers open a new one when they need it.
    public static let idleTimeout: TimeAmount = .seconds(30)

    /// From a request's first line to the end of its body. A vote's body is read within 10 s
    /// (the collector's own limit answers 408); this is the limit for the bodies the
    /// application never reads because it refused the request first.
    public static let requestTime: TimeAmount = .seconds(15)

    /// How long a response may wait for a client that reads nothing: the connection's buffer
    /// stays full and none of it (no 16 KiB slice, `ConnectionDeadlines.sliceSize`) reaches the
    /// client for this long. A reader on a line slower than 16 KiB a minute (0.27 KB/s) would
    /// be cut off; one that reads at all is not.
    public static let stallTime: TimeAmount = .seconds(60)

    /// Hummingbird's HTTP/1.1 server with these limits.
    public static func http1() -> HTTPServerBuilder {
        .http1(
            configuration: .init(
                additionalChannelHandlers: [ConnectionDeadlines(requestTime: requestTime, stallTime: stallTime)],
                idleTimeout: idleTimeout))
    }

    /// Why a server could not start, or stopped, in its user's words: the system's error named
    /// the call that failed (`bind(descriptor:ptr:bytes:): Address already in use) (errno: 98)`).
    public static func explain(_ error: any Error, server: String, host: String, port: Int) -> String {
        let address = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        if error is SocketAddressError.UnknownHost {
            // A mistyped --host (`SocketAddressError.UnknownHost…`, said before anything started).
            return
                "cannot listen on \(address): no address is known for that name; listen on 127.0.0.1 (the default), localhost or one of this machine's addresses"
        }
        switch (error as? IOError)?.errnoCode {
        case EADDRINUSE?:
            return "\(address) is already in use, by another server or program: stop it, or choose another port with --port"
        case EACCES?:
            return "cannot listen on \(address): ports below 1024 need root; choose another port with --port"
        case EADDRNOTAVAIL?:
            return "cannot listen on \(address): this machine has no such address; listen on 127.0.0.1 (the default) or one of its own addresses"
        default:
            return "\(server) stopped: \(error)"
        }
    }

    /// Runs `service` until SIGINT or SIGTERM, then waits at most `grace` for the responses
    /// still being written: after that they are cancelled, so that a signal always stops the
    /// server (a client that reads nothing held a response, and the collector's stop, for as
    /// long as it stayed connected).
    public static func runUntilSignalled(_ service: some Service, grace: Duration, logger: Logger) async throws {
        var configuration = ServiceGroupConfiguration(services: [service], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = grace
        do {
            try await ServiceGroup(configuration: configuration).run()
        } catch is CancellationError {
            // The grace period ran out and the stalled responses were cancelled: a normal stop.
        }
    }
}
