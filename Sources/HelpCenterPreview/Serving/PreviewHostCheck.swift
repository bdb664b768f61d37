/// Which `Host` headers the preview answers: its guard against DNS rebinding. A page of another
/// site can have its own name resolve to 127.0.0.1 for a moment and then read the preview as
/// its own origin: the pages (drafts too, with `--drafts`) and the live-reload events, whose
/// errors hold absolute paths of this machine. The browser still sends the page's name in
/// `Host`, so a request for any name but this machine's is refused. Vite and
/// webpack-dev-server guard their development servers the same way (`allowedHosts`).
///
/// Served: `localhost` and `*.localhost`, any IP address (a request sent to an address was
/// addressed to it, not through a name), the names given with `--allow-host` and a name given
/// with `--host`, and requests without `Host` (HTTP/1.0 clients; a browser always sends one).
public struct PreviewHostCheck: Sendable, Equatable {
    /// The names served besides localhost and IP addresses, lower-cased.
    public let names: Set<String>

    public init(names: some Sequence<String>) {
        self.names = Set(names.map { Self.normalised(Substring($0)) })
    }

    /// Whether a request with this `Host` value (nil: none) is served.
    public func allows(_ host: String?) -> Bool {
        guard let host, !host.isEmpty else { return true }
        guard let name = Self.name(in: host) else { return false }
        if name.hasPrefix("[") { return Self.isIPv6(name.dropFirst().dropLast()) }
        let normalised = Self.normalised(name)
        return normalised == "localhost" || normalised.hasSuffix(".localhost") || Self.isIPv4(normalised)
            || names.contains(normalised)
    }

    /// The name of a `Host` value without its port (`[::1]` keeps its brackets); nil when the
    /// value is not one host (two headers joined with a comma, a stray space).
    static func name(in host: String) -> Substring? {
        guard !host.contains(where: { $0 == "," || $0 == " " || $0 == "/" || $0 == "@" }) else { return nil }
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return nil }
            let rest = host[host.index(after: close)...]
            guard rest.isEmpty || Self.isPort(rest) else { return nil }
            return host[...close]
        }
        if let colon = host.lastIndex(of: ":") {
            guard Self.isPort(host[colon...]) else { return nil }
            return host[..<colon]
        }
        return host[...]
    }

    /// `:` and a port number from 0 to 65535.
    private static func isPort(_ text: Substring) -> Bool {
        let digits = text.dropFirst()
        return text.first == ":" && (1...5).contains(digits.count) && digits.allSatisfy(\.isASCIIDigit) && Int(digits)! <= 65535
    }

    /// Lower-cased, without the trailing dot of a fully qualified name (`localhost.`).
    private static func normalised(_ name: Substring) -> String {
        var name = name.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        return name
    }

    private static func isIPv4(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4
            && parts.allSatisfy { part in !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCIIDigit) && Int(part)! <= 255 }
    }

    /// Two colons at least (`::1`), hex digits, and dots for an IPv4 tail (`::ffff:1.2.3.4`).
    private static func isIPv6(_ name: Substring) -> Bool {
        name.count(where: { $0 == ":" }) >= 2 && name.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
    }

    /// Why a name given with `--allow-host` can never match a `Host` header; nil when it can.
    public static func problem(withAllowedName name: String) -> String? {
        if name.isEmpty { return "it is empty" }
        if name.contains("://") || name.contains("/") { return "give the host name alone, without a scheme or path" }
        if name.contains(":") { return "give the host name alone, without a port (every port of it is answered)" }
        if name.contains(where: { $0 == " " || $0 == "," || $0 == "@" }) { return "it is not a host name" }
        if !name.allSatisfy(\.isASCII) { return "write a name with non-ASCII letters in its xn-- (punycode) form, as browsers send it" }
        return nil
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
