/// Why a file's bytes or text can't be used as YAML, and where (1-based line and column, the
/// column counting Unicode scalars as editors do).
public struct YAMLInputProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int

    public init(_ message: String, line: Int = 1, column: Int = 1) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// The 1-based line and column (in Unicode scalars) of byte `offset`.
    public static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
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

    public var description: String { "\(line):\(column): \(message)" }

    /// The same problem in a text that starts `lines` lines further down its file (front matter).
    public func offset(lines: Int) -> YAMLInputProblem {
        YAMLInputProblem(message, line: line + lines, column: column)
    }
}
