import NIOCore
import NIOPosix

/// Whether an address can be listened on, found before a slow start: the preview builds the
/// whole site before its server binds, so a port in use was reported only after the build
/// (session 24's writer trial). Binds the address as the server will (with `SO_REUSEADDR`, as
/// Hummingbird does, so a port in `TIME_WAIT` passes as it would for the server) and lets it go.
/// A port taken between the check and the server's own bind is still reported by the server.
public enum ListenAddressCheck {
    /// Throws the bind's error (an `IOError`: `ServerLimits.explain` words it); port 0 (any
    /// free port) is not checked.
    public static func check(host: String, port: Int) async throws {
        guard port != 0 else { return }
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: host, port: port)
            .get()
        try await channel.close()
    }
}
