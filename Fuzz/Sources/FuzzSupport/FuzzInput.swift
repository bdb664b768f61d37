#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input handed over by libFuzzer, as bytes and as text.
///
/// Every target reads its input through this type: `LLVMFuzzerTestOneInput` is the only place
/// that sees libFuzzer's pointer, and copies the bytes before anything else runs.
public struct FuzzInput: Sendable {
    public let bytes: [UInt8]

    public init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    }

    /// The bytes as text, invalid UTF-8 repaired with U+FFFD, as the program reads files.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The input cut at NUL bytes, for targets that take several files at once.
    public var parts: [String] {
        bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Stops the run on a broken invariant: libFuzzer reports the abort as a crash and saves the input.
public func fuzzFailure(_ message: String, file: StaticString = #fileID, line: UInt = #line) -> Never {
    let report = Array("fuzz invariant broken (\(file):\(line)): \(message)\n".utf8)
    _ = report.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    abort()
}

/// `fuzzFailure` unless `condition` holds.
public func fuzzCheck(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) {
    if !condition() { fuzzFailure(message(), file: file, line: line) }
}
