/// A problem found in a text by a layer that does not know the text's file: a message at a
/// 1-based line and column (the column counting Unicode scalars, as editors do). The Markdown
/// limits and the YAML guard throw it; their callers place it in a file with `location(in:)`.
public struct TextProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int

    public init(_ message: String, line: Int = 1, column: Int = 1) {
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column): \(message)" }

    /// Where the problem is in `path`, whose line `firstLine` is the text's first line (a
    /// Markdown body or front matter starts below the file's first line).
    public func location(in path: String, firstLine: Int = 1) -> SourceLocation {
        SourceLocation(path: path, line: firstLine - 1 + line, column: column)
    }

    /// The 1-based line and column (in Unicode scalars) of byte `offset`.
    public static func position(of offset: Int, in bytes: Span<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for index in 0..<min(offset, bytes.count) {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
