/// JSON string literals for the index's scripts (and the site's JSON-LD).
public enum SearchJSON {
    /// A JSON string literal; `<`, `>` and `&` are escaped too, so the text can never end the
    /// script, and so are U+2028 and U+2029. Works on bytes, copying the runs between the
    /// characters that need escaping.
    public static func appendString(_ text: String, to json: inout [UInt8]) {
        json.append(UInt8(ascii: "\""))
        let bytes = Array(text.utf8)
        var runStart = 0
        var index = 0
        func flush(to end: Int) {
            if runStart < end { json.append(contentsOf: bytes[runStart..<end]) }
        }
        func escape(_ replacement: String, skipping count: Int) {
            flush(to: index)
            json.append(contentsOf: replacement.utf8)
            index += count
            runStart = index
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
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
                escape("\\u00" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]], as: UTF8.self), skipping: 1)
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                escape(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", skipping: 3)
            default:
                index += 1
            }
        }
        flush(to: bytes.count)
        json.append(UInt8(ascii: "\""))
    }

    /// The same literal, appended to a string.
    public static func appendString(_ text: String, to output: inout String) {
        var json: [UInt8] = []
        appendString(text, to: &json)
        output += String(decoding: json, as: UTF8.self)
    }
}
