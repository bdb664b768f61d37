import Foundation

/// Where `--database` points: an SQLite file (a path, or `sqlite:PATH`), or a PostgreSQL server
/// (`postgres://user:password@host:port/database`).
public enum FeedbackDatabase: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    public static let defaultPath = "feedback.sqlite"

    public struct PostgresLocation: Sendable, Equatable {
        public var host: String
        public var port: Int
        public var user: String
        public var password: String?
        public var database: String
        /// `?sslmode=require` or `verify-full`: TLS; the default is plain TCP (a loopback or private network).
        public var requiresTLS: Bool
    }

    /// Parses the option's value.
    public init(_ text: String) throws(FeedbackDatabaseError) {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
                throw FeedbackDatabaseError(text: text, reason: "expected postgres://user:password@host:port/database")
            }
            let database = String(components.path.drop(while: { $0 == "/" }))
            let user = components.user.flatMap { $0.removingPercentEncoding } ?? "postgres"
            let mode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "disable"
            guard ["disable", "require", "verify-full"].contains(mode) else {
                throw FeedbackDatabaseError(text: text, reason: "sslmode must be disable, require or verify-full")
            }
            self = .postgres(
                PostgresLocation(
                    host: host, port: components.port ?? 5432, user: user, password: components.password.flatMap { $0.removingPercentEncoding },
                    database: database.isEmpty ? user : database, requiresTLS: mode != "disable"))
        } else if text.contains("://") {
            throw FeedbackDatabaseError(text: text, reason: "expected an SQLite file path or postgres://…")
        } else {
            let path = text.hasPrefix("sqlite:") ? String(text.dropFirst("sqlite:".count)) : text
            guard !path.isEmpty else { throw FeedbackDatabaseError(text: text, reason: "the SQLite path is empty") }
            self = .sqlite(path: path)
        }
    }

    /// For messages: the password is never shown.
    public var description: String {
        switch self {
        case .sqlite(let path): "SQLite file \(path)"
        case .postgres(let location): "PostgreSQL \(location.user)@\(location.host):\(location.port)/\(location.database)"
        }
    }
}

public struct FeedbackDatabaseError: Error, Sendable, CustomStringConvertible {
    public var text: String
    public var reason: String
    public var description: String { "--database: \(reason)" }
}
