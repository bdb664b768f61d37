/// Escaping for text and attribute values written into HTML.
public enum HTMLEscaping {
    /// Escapes `&`, `<`, `>` and `"` (enough for text and double-quoted attributes).
    public static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        append(text, to: &output)
        return output
    }

    /// Appends `text`, escaped, to `output`, copying the runs between special characters whole;
    /// `apostrophe` escapes `'` too (as Mustache does).
    public static func append(_ text: String, to output: inout String, apostrophe: Bool = false) {
        let bytes = text.utf8
        var runStart = bytes.startIndex
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let replacement: String?
            switch bytes[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'") where apostrophe: replacement = "&#39;"
            default: replacement = nil
            }
            if let replacement {
                if runStart != index { output += text[runStart..<index] }
                output += replacement
                runStart = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        if runStart == bytes.startIndex {
            output += text
        } else if runStart != bytes.endIndex {
            output += text[runStart..<bytes.endIndex]
        }
    }

    /// Appends `text`, escaped, to UTF-8 bytes: the runs between special characters are
    /// copied whole.
    static func append(_ text: String, to output: inout [UInt8], apostrophe: Bool = false) {
        var text = text
        text.withUTF8 { append(bytes: $0, to: &output, apostrophe: apostrophe) }
    }

    /// Appends UTF-8 bytes, escaped: the runs between special characters are copied whole.
    static func append(bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], apostrophe: Bool = false) {
        guard let base = bytes.baseAddress else { return }
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = base[index]
            // `&` `<` `>` `"` `'` are all below 0x3F: one comparison skips most bytes.
            guard byte <= UInt8(ascii: ">") else { continue }
            let replacement: StaticString
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'") where apostrophe: replacement = "&#39;"
            default: continue
            }
            if runStart < index { output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart)) }
            replacement.withUTF8Buffer { output.append(contentsOf: $0) }
            runStart = index + 1
        }
        if runStart < bytes.count { output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: bytes.count - runStart)) }
    }

    /// `isURLSafe` for every byte, looked up rather than compared.
    private static let urlSafeBytes: [Bool] = (0...255).map { isURLSafe(UInt8($0)) }

    private static func isURLSafe(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "<")
            && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "`")
            && byte != UInt8(ascii: "{") && byte != UInt8(ascii: "}") && byte != UInt8(ascii: "|")
            && byte != UInt8(ascii: "^")
    }

    /// Percent-encodes the characters of a URL that may not appear in an `href` as written
    /// (spaces, non-ASCII, quotes), keeping what is already encoded; the result still needs
    /// HTML escaping for `&`.
    public static func normalizeURL(_ url: String) -> String {
        var url = url
        let safe = urlSafeBytes.withUnsafeBufferPointer { table in
            url.withUTF8 { bytes in bytes.allSatisfy { table[Int($0)] } }
        }
        if safe { return url }
        var output = ""
        for byte in url.utf8 {
            if isURLSafe(byte) {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = Array("0123456789ABCDEF")
                output += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0x0F)])
            }
        }
        return output
    }
}
