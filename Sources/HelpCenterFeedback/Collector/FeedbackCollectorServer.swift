import Hummingbird
import Logging

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
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { channel in
                let host = channel.localAddress?.ipAddress ?? options.host
                let port = channel.localAddress?.port ?? options.port
                onListening(host.contains(":") ? "http://[\(host)]:\(port)/" : "http://\(host):\(port)/")
            },
            logger: logger)
    }
}
