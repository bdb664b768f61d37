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

    /// Appends `text`, escaped, to UTF-8 bytes. Most texts have nothing to escape: they are
    /// copied whole (a `String`'s bytes are copied at memcpy speed; a part of one, as a
    /// `Substring`, byte by byte). The others are escaped from a copy of their bytes.
    package static func append(_ text: String, to output: inout [UInt8], apostrophe: Bool = false) {
        if !containsSpecial(text.utf8.span, apostrophe: apostrophe) {
            output.append(contentsOf: text.utf8)
        } else {
            append(bytes: Array(text.utf8)[...], to: &output, apostrophe: apostrophe)
        }
    }

    private static func containsSpecial(_ bytes: Span<UInt8>, apostrophe: Bool) -> Bool {
        for index in bytes.indices where isSpecial(bytes[index], apostrophe: apostrophe) { return true }
        return false
    }

    /// Appends UTF-8 bytes, escaped: the runs between special characters are copied whole.
    package static func append(bytes: ArraySlice<UInt8>, to output: inout [UInt8], apostrophe: Bool = false) {
        var runStart = bytes.startIndex
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            guard isSpecial(byte, apostrophe: apostrophe), let replacement = replacement(for: byte, apostrophe: apostrophe) else {
                bytes.formIndex(after: &index)
                continue
            }
            if runStart != index { output.append(contentsOf: bytes[runStart..<index]) }
            output.append(contentsOf: replacement.utf8)
            bytes.formIndex(after: &index)
            runStart = index
        }
        if runStart != bytes.endIndex { output.append(contentsOf: bytes[runStart..<bytes.endIndex]) }
    }

    /// Whether a byte is escaped: `&` `<` `>` `"` (and `'`). They are all below 0x3F, so one
    /// comparison passes most bytes; the rest are compared without building a replacement
    /// (which, for every space and digit, cost a third more time per string).
    @inline(__always)
    private static func isSpecial(_ byte: UInt8, apostrophe: Bool) -> Bool {
        byte <= UInt8(ascii: ">")
            && (byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
                || (byte == UInt8(ascii: "'") && apostrophe))
    }

    private static func replacement(for byte: UInt8, apostrophe: Bool) -> String? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'") where apostrophe: "&#39;"
        default: nil
        }
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
        // The table is read once: a static read in the closure ran its lazy-initialisation
        // check for every byte of every link (0.5 % of the 10,000-article build, perf).
        let safe = urlSafeBytes
        if url.utf8.allSatisfy({ safe[Int($0)] }) { return url }
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
