/// A scenario file as the checker receives it: the path to report, and its bytes, or the
/// reason it could not be read (a finding, not a crash: the other files are still checked).
public struct ScenarioSource: Sendable {
    public enum Content: Sendable {
        case bytes([UInt8])
        case unreadable(String)
        /// Read when the checker reaches the file, so that a large suite is never in memory
        /// all at once.
        case deferred(@Sendable () -> Content)
    }

    public var path: String
    public var content: Content

    public init(path: String, content: Content) {
        self.path = path
        self.content = content
    }

    /// The bytes or the reason they can't be read, reading a deferred source now.
    public var resolved: Content {
        if case .deferred(let read) = content { return read() }
        return content
    }

    public init(path: String, text: String) {
        self.init(path: path, content: .bytes(Array(text.utf8)))
    }
}
