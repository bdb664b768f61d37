/// A scenario file as the checker receives it: the path to report, and its bytes, or the
/// reason it could not be read (a finding, not a crash: the other files are still checked).
public struct ScenarioSource: Sendable {
    public enum Content: Sendable {
        case bytes([UInt8])
        case unreadable(String)
    }

    public var path: String
    public var content: Content

    public init(path: String, content: Content) {
        self.path = path
        self.content = content
    }

    public init(path: String, text: String) {
        self.init(path: path, content: .bytes(Array(text.utf8)))
    }
}
