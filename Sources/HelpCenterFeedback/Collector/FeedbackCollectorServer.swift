import HelpCenterConcurrency
import Hummingbird
import Logging
import NIOCore

/// The collector as a Hummingbird application, listening on `options.host:options.port`.
public enum FeedbackCollectorServer {
    public static func makeApplication(
        _ collector: FeedbackCollector, logger: Logger? = nil, onListening: @escaping @Sendable (String) -> Void = { _ in }
    ) -> Application<FeedbackCollector> {
        var logger = logger ?? Logger(label: "helpcenter.feedback")
        logger.logLevel = collector.options.logsRequests ? .info : .warning
        let options = collector.options
        return Application(
            responder: collector,
            server: .http1(configuration: .init(idleTimeout: idleTimeout)),
            configuration: ApplicationConfiguration(
                address: .hostname(options.host, port: options.port), serverName: nil,
                availableConnectionsDelegate: .maximum(ProcessLimits.connectionCap(maximumConnections), logger: logger)),
            onServerRunning: { channel in
                let host = channel.localAddress?.ipAddress ?? options.host
                let port = channel.localAddress?.port ?? options.port
                onListening(host.contains(":") ? "http://[\(host)]:\(port)/" : "http://\(host):\(port)/")
            },
            logger: logger)
    }

    /// A connection that sends no complete request for this long is closed: a reader's vote is
    /// one small request, and a client that trickles its headers (slowloris) or just holds the
    /// connection open would otherwise keep it for ever.
    static let idleTimeout: TimeAmount = .seconds(30)

    /// At most this many connections at once (fewer when the process may open fewer files:
    /// `ProcessLimits.connectionCap`), so that the collector keeps the files its database needs.
    static let maximumConnections = 4096
}
