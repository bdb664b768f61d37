import HelpCenterDiagnostics

/// Turns a file's bytes into text for the YAML parser, refusing what is not UTF-8 text:
/// files over the size limit, NUL and other control bytes (binary data), and invalid
/// UTF-8, each with the line, column and byte offset concerned.
public struct YAMLTextDecoder: Sendable {
    public var limits: YAMLInputLimits

    public init(limits: YAMLInputLimits) {
        self.limits = limits
    }

    public func decode(_ bytes: [UInt8]) throws(YAMLInputProblem) -> String {
        let kind = limits.kind
        if bytes.count > limits.maximumSize {
            throw YAMLInputProblem(
                "the file is \(bytes.count) bytes; \(kind.plural) are limited to \(limits.maximumSize) bytes\(kind.splitAdvice)"
            )
        }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw YAMLInputProblem("the file starts with a UTF-16 byte order mark; \(kind.plural) are UTF-8 text")
        }
        let buffer = bytes.span
        if let offset = Self.firstControlByte(in: buffer, from: start) {
            let (line, column) = YAMLInputProblem.position(of: offset, in: buffer)
            let what = buffer[offset] == 0 ? "a NUL byte" : "the control byte 0x\(Self.hex(buffer[offset]))"
            throw YAMLInputProblem("binary data: \(what) at byte offset \(offset); \(kind.plural) are UTF-8 text", line: line, column: column)
        }
        if let offset = Self.firstInvalidUTF8(in: buffer, from: start) {
            let (line, column) = YAMLInputProblem.position(of: offset, in: buffer)
            throw YAMLInputProblem(
                "invalid UTF-8 at byte offset \(offset) (byte 0x\(Self.hex(buffer[offset]))); \(kind.plural) are UTF-8 text",
                line: line, column: column
            )
        }
        return String(decoding: bytes[start...], as: UTF8.self)
    }

    public static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }

    /// The offset of the first byte that has no place in a text file: C0 controls other
    /// than tab, line feed and carriage return, and DEL.
    public static func firstControlByte(in bytes: Span<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F { return index }
            index += 1
        }
        return nil
    }

    /// The offset of the first byte that is not part of a well-formed UTF-8 sequence
    /// (overlong forms, surrogates and values above U+10FFFF are ill-formed).
    public static func firstInvalidUTF8(in bytes: Span<UInt8>, from start: Int) -> Int? {
        var index = start
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return index
            }
            for offset in 1..<length {
                guard index + offset < count else { return index }
                let byte = bytes[index + offset]
                let (min, max) = offset == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                if byte < min || byte > max { return index }
            }
            index += length
        }
        return nil
    }
}
