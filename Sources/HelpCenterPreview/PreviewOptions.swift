import Foundation

/// How the preview server runs.
public struct PreviewOptions: Sendable {
    public var host: String
    /// 0 picks a free port (the chosen one is reported when the server listens).
    public var port: Int
    /// Scan the inputs instead of using inotify.
    public var forcePolling: Bool
    /// How long the inputs must be quiet before a rebuild starts (bursts of saves become one rebuild).
    public var quietPeriod: Duration
    /// How often idle event streams get a comment.
    public var keepAliveInterval: Duration
    /// Log every request.
    public var logsRequests: Bool
    /// Host names served besides localhost and IP addresses (`--allow-host`; see `PreviewHostCheck`).
    public var allowedHosts: [String]

    /// The `Host` headers answered: localhost, IP addresses, `allowedHosts` and `host` itself
    /// (when the preview listens on a name).
    public var hostCheck: PreviewHostCheck { PreviewHostCheck(names: allowedHosts + [host]) }

    public init(
        host: String = "127.0.0.1", port: Int = 4000, forcePolling: Bool = false,
        quietPeriod: Duration = .milliseconds(50), keepAliveInterval: Duration = .seconds(15), logsRequests: Bool = false,
        allowedHosts: [String] = []
    ) {
        self.host = host
        self.port = port
        self.forcePolling = forcePolling
        self.quietPeriod = quietPeriod
        self.keepAliveInterval = keepAliveInterval
        self.logsRequests = logsRequests
        self.allowedHosts = allowedHosts
    }
}

/// What the preview tells its user; the command prints it (the library prints nothing).
public struct PreviewObserver: Sendable {
    /// The server listens at this URL.
    public var listening: @Sendable (String) -> Void
    /// A rebuild finished (the delay since the first change of its batch, and what it did).
    public var rebuilt: @Sendable (RebuildOutcome, Duration) -> Void
    /// Something worth a line: the watcher fell back to polling, and the like.
    public var notice: @Sendable (String) -> Void

    public init(
        listening: @escaping @Sendable (String) -> Void = { _ in },
        rebuilt: @escaping @Sendable (RebuildOutcome, Duration) -> Void = { _, _ in },
        notice: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.listening = listening
        self.rebuilt = rebuilt
        self.notice = notice
    }
}
