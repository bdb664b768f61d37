import HelpCenterDiagnostics

/// How a path of the site (`collection/article/`, `collection/images/a b.png`) is written in a
/// link, the sitemap and the search index, and which file names cannot be written at all.
///
/// The rule: every byte of the UTF-8 path except the ASCII letters and digits, `-`, `.`, `_`,
/// `~` (RFC 3986's unreserved characters) and the `/` between segments is percent-encoded
/// (`what?` → `what%3F`, `a b` → `a%20b`, `café` → `caf%C3%A9`). The encoding is one-to-one
/// (`%` itself becomes `%25`), and an encoded address never holds a `:`, so it can never be
/// read as a scheme (`javascript:`), whatever a file is called.
public enum PageAddress {
    /// The address of a site path, percent-encoded; a path that needs no encoding (the usual
    /// case) is returned as it is, without a copy.
    public static func encode(_ path: String) -> String {
        if path.utf8.allSatisfy(isKept) { return path }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count + 16)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in path.utf8 {
            if isKept(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether a byte is written as it is in an address.
    @inline(__always)
    static func isKept(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
            true
        default:
            false
        }
    }

    /// Whether no name of a content path has a problem, decided in one pass over its bytes for
    /// the usual path (printable ASCII, no backslash, no name made only of dots or empty);
    /// false means "look at each name" (`problem(withName:)`). `.md` is not part of a page's name.
    static func isPlainPath(_ path: String) -> Bool {
        // On the contiguous bytes (a `Span`): iterating `String.UTF8View` cost about 100
        // instructions a byte here (callgrind, 200-article corpus), this loop a few.
        let bytes = path.utf8.span
        let markdown =
            bytes.count > 3 && bytes[bytes.count - 3] == UInt8(ascii: ".") && bytes[bytes.count - 2] == UInt8(ascii: "m")
            && bytes[bytes.count - 1] == UInt8(ascii: "d")
        let end = bytes.count - (markdown ? 3 : 0)
        var length = 0
        var onlyDots = true
        for offset in 0..<end {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "/") {
                if length == 0 || onlyDots { return false }
                length = 0
                onlyDots = true
                continue
            }
            if byte < 0x20 || byte >= 0x7F || byte == UInt8(ascii: "\\") { return false }
            length += 1
            if byte != UInt8(ascii: ".") { onlyDots = false }
        }
        return length > 0 && !onlyDots
    }

    /// Whether a path ends in `.md` (compared as bytes).
    static func isMarkdown(_ path: String) -> Bool {
        path.utf8.count > 3 && path.utf8.suffix(3).elementsEqual(".md".utf8)
    }

    /// Why a file or folder name cannot become part of an address, or nil when it can:
    /// control characters (invisible, and cut or rejected by servers and tools), a backslash
    /// (a folder separator on Windows, turned into `/` by browsers) and names made only of
    /// dots (`.` and `..` mean "this folder" and "the folder above" in a URL).
    public static func problem(withName name: Substring) -> String? {
        if name.isEmpty { return "is empty" }
        // Most names are printable ASCII: one pass over the bytes decides.
        if name.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }) {
            return name.utf8.allSatisfy({ $0 == UInt8(ascii: ".") }) ? Self.onlyDotsProblem : nil
        }
        var onlyDots = true
        for scalar in name.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                return "holds a control character (\(Diagnostic.codePoint(scalar))), which no address can carry"
            }
            if scalar == "\\" { return "holds a backslash, which browsers read as '/'" }
            if scalar != "." { onlyDots = false }
        }
        return onlyDots ? Self.onlyDotsProblem : nil
    }

    private static let onlyDotsProblem = "is made only of dots, which an address reads as '.' or '..' (this folder, the folder above)"
}
