/// Escaping for text and attribute values written into HTML.
public enum HTMLEscaping {
    /// Escapes `&`, `<`, `>` and `"` (enough for text and double-quoted attributes).
    public static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        append(text, to: &output)
        return output
    }

    /// Appends `text`, escaped, to `output`.
    public static func append(_ text: String, to output: inout String) {
        var needsEscaping = false
        for byte in text.utf8 where byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") {
            needsEscaping = true
            break
        }
        guard needsEscaping else {
            output += text
            return
        }
        for character in text.unicodeScalars {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            default: output.unicodeScalars.append(character)
            }
        }
    }

    /// Percent-encodes the characters of a URL that may not appear in an `href` as written
    /// (spaces, non-ASCII, quotes), keeping what is already encoded; the result still needs
    /// HTML escaping for `&`.
    public static func normalizeURL(_ url: String) -> String {
        var output = ""
        for byte in url.utf8 {
            if byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "<")
                && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "`")
                && byte != UInt8(ascii: "{") && byte != UInt8(ascii: "}") && byte != UInt8(ascii: "|")
                && byte != UInt8(ascii: "^") {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = Array("0123456789ABCDEF")
                output += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0x0F)])
            }
        }
        return output
    }
}
