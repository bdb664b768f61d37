/// JSON string literals for the index's scripts (and the site's JSON-LD).
public enum SearchJSON {
    /// A JSON string literal; `<`, `>` and `&` are escaped too, so the text can never end the
    /// script, and so are U+2028 and U+2029. Works on bytes, copying the runs between the
    /// characters that need escaping.
    public static func appendString(_ text: String, to json: inout [UInt8]) {
        appendString(text, range: 0..<text.utf8.count, newlinesAsSpaces: false, to: &json)
    }

    /// The literal of some of a string's UTF-8 bytes, read where they are (no copy into an
    /// array); see the next function.
    static func appendString(_ text: String, range: Range<Int>, newlinesAsSpaces: Bool, to json: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendString($0, range: range, newlinesAsSpaces: newlinesAsSpaces, to: &json) }
    }

    /// The literal of some of a text's UTF-8 bytes (a range that starts and ends between two
    /// characters), with line breaks written as spaces when asked.
    static func appendString<Bytes: RandomAccessCollection<UInt8>>(
        _ bytes: Bytes, range: Range<Int>, newlinesAsSpaces: Bool, to json: inout [UInt8]
    ) where Bytes.Index == Int {
        json.reserveCapacity(json.count + range.count + 2)
        json.append(UInt8(ascii: "\""))
        let special = special
        var runStart = range.lowerBound
        var index = range.lowerBound
        // The bytes between two that need escaping are copied as one run.
        func escape(_ replacement: StaticString, skipping count: Int) {
            json += bytes[runStart..<index]
            replacement.withUTF8Buffer { json.append(contentsOf: $0) }
            index += count
            runStart = index
        }
        while index < range.upperBound {
            let byte = bytes[index]
            guard special[Int(byte)] else {
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\n") where newlinesAsSpaces, UInt8(ascii: "\r") where newlinesAsSpaces: escape(" ", skipping: 1)
            case UInt8(ascii: "\""): escape("\\\"", skipping: 1)
            case UInt8(ascii: "\\"): escape("\\\\", skipping: 1)
            case UInt8(ascii: "\n"): escape("\\n", skipping: 1)
            case UInt8(ascii: "\r"): escape("\\r", skipping: 1)
            case UInt8(ascii: "\t"): escape("\\t", skipping: 1)
            case UInt8(ascii: "<"): escape("\\u003c", skipping: 1)
            case UInt8(ascii: ">"): escape("\\u003e", skipping: 1)
            case UInt8(ascii: "&"): escape("\\u0026", skipping: 1)
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                json += bytes[runStart..<index]
                json += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
                index += 1
                runStart = index
            case 0xE2 where index + 2 < range.upperBound && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                escape(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", skipping: 3)
            default:
                index += 1
            }
        }
        json += bytes[runStart..<range.upperBound]
        json.append(UInt8(ascii: "\""))
    }

    /// Which bytes may need escaping: `"`, `\`, `<`, `>`, `&`, control characters, and 0xE2
    /// (the first byte of U+2028 and U+2029).
    private static let special: [Bool] = (0...255).map { byte in
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0xE2
    }

    /// The same literal, appended to a string.
    public static func appendString(_ text: String, to output: inout String) {
        var json: [UInt8] = []
        appendString(text, to: &json)
        output += String(decoding: json, as: UTF8.self)
    }
}
