/// A place in a source file: a path as the user named it, with a 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = max(1, line)
        self.column = max(1, column)
    }

    public var description: String { "\(path):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }

    /// The same file, moved down by `lines` (for a block embedded in a larger file).
    public func offset(lines: Int, columns: Int = 0) -> SourceLocation {
        SourceLocation(path: path, line: line + lines, column: column + columns)
    }
}
