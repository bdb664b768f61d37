import HelpCenterConcurrency
import HelpCenterHTTP
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
            server: ServerLimits.http1(),
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

    /// Serves until SIGINT or SIGTERM; the votes in flight then get `shutdownGrace` to be
    /// stored and answered, and a response no client reads is cancelled after it (the collector
    /// kept running after SIGTERM for as long as such a client stayed connected).
    public static func run(_ application: Application<FeedbackCollector>) async throws {
        try await ServerLimits.runUntilSignalled(application, grace: shutdownGrace, logger: application.logger)
    }

    /// Why the collector could not start, or stopped (a port in use, said in those words).
    public static func explain(_ error: any Error, host: String, port: Int) -> String {
        ServerLimits.explain(error, server: "the collector", host: host, port: port)
    }

    /// How long the votes in flight have after SIGINT or SIGTERM.
    static let shutdownGrace: Duration = .seconds(5)

    /// At most this many connections at once (fewer when the process may open fewer files:
    /// `ProcessLimits.connectionCap`), so that the collector keeps the files its database needs.
    static let maximumConnections = 4096
}
