/// How `helpcenter feedback serve` runs.
public struct CollectorOptions: Sendable {
    public var host: String
    public var port: Int
    /// The origins (`https://help.example.org`) whose pages may post votes; browsers from any
    /// other origin are refused. Requests without an Origin header (curl, a proxy's health check)
    /// are served.
    public var allowedOrigins: [String]
    /// Votes per minute per client address; 0 turns the limit off.
    public var votesPerMinute: Int
    /// Peers whose `X-Forwarded-For` names the client (a load balancer in front of the collectors).
    public var trustedProxies: Set<String>
    public var logsRequests: Bool

    public init(
        host: String = "127.0.0.1", port: Int = 8080, allowedOrigins: [String] = [], votesPerMinute: Int = 10, trustedProxies: Set<String> = [],
        logsRequests: Bool = false
    ) {
        self.host = host
        self.port = port
        self.allowedOrigins = allowedOrigins.map(CollectorOptions.normalizedOrigin)
        self.votesPerMinute = votesPerMinute
        self.trustedProxies = trustedProxies
        self.logsRequests = logsRequests
    }

    /// `https://Help.Example.org/` and `https://help.example.org` are the same origin.
    public static func normalizedOrigin(_ origin: String) -> String {
        var text = origin.lowercased()
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
