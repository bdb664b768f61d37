/// Why a file's bytes can't be handed to the YAML parser, and where (1-based line and column).
struct InputProblem: Error, Sendable, Hashable {
    var message: String
    var line: Int
    var column: Int

    init(_ message: String, line: Int = 1, column: Int = 1) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// The 1-based line and column (in Unicode scalars) of byte `offset`.
    static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
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
