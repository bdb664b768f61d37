/// Turns a request's path into the site file it names, refusing anything that could reach
/// outside the site.
///
/// The raw path is percent-decoded exactly once. A path is refused (400) when it is not valid
/// percent-encoded UTF-8, or when, once decoded, it contains a `.` or `..` segment, an empty
/// segment (`//etc/passwd`), a backslash, a NUL or other control character, or a `%XX` escape
/// (a double-encoded request such as `%252e%252e`). The site is served from memory, so these
/// rules are a second line of defence, and they keep the answer the same as a disk server's.
public enum SitePathResolver {
    public enum Resolution: Equatable, Sendable {
        /// The site file (`collection/article/index.html`, `assets/style.css`).
        case file(String)
        /// A folder asked for without its slash: redirect to this path (`/collection/article/`).
        case redirect(String)
        case notFound
        /// A path that is malformed or tries to leave the site; the reason is shown in the 400 page.
        case refused(String)
    }

    /// Resolves a raw request path (without its query) against the site's files.
    public static func resolve(_ rawPath: String, exists: (String) -> Bool) -> Resolution {
        let decoded: String
        switch decode(rawPath) {
        case .success(let path): decoded = path
        case .failure(let refusal): return .refused(refusal.reason)
        }
        let relative = String(decoded.dropFirst())
        if relative.isEmpty || relative.hasSuffix("/") {
            let index = relative + "index.html"
            return exists(index) ? .file(index) : .notFound
        }
        if exists(relative) { return .file(relative) }
        if exists(relative + "/index.html") { return .redirect("/" + relative + "/") }
        return .notFound
    }

    public struct Refusal: Error, Equatable, Sendable {
        public var reason: String
    }

    /// Decodes the path once and checks it; the result starts with `/` and names a place inside the site.
    public static func decode(_ rawPath: String) -> Result<String, Refusal> {
        guard let bytes = percentDecoded(Array(rawPath.utf8)) else {
            return .failure(Refusal(reason: "the path is not correctly percent-encoded"))
        }
        guard let path = String(validating: bytes, as: UTF8.self) else {
            return .failure(Refusal(reason: "the path is not UTF-8"))
        }
        if let refusal = refusal(ofDecoded: path) { return .failure(Refusal(reason: refusal)) }
        return .success(path)
    }

    private static func refusal(ofDecoded path: String) -> String? {
        guard path.hasPrefix("/") else { return "the path must start with /" }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "the path contains a control character"
        }
        if path.contains("\\") { return "the path contains a backslash" }
        if containsPercentEscape(Array(path.utf8)) { return "the path is encoded twice" }
        let segments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for (position, segment) in segments.enumerated() {
            if segment == "." || segment == ".." { return "the path contains a '\(segment)' segment" }
            if segment.isEmpty && position != segments.count - 1 { return "the path contains an empty segment" }
        }
        return nil
    }

    /// `%XX` escapes decoded to bytes; nil when an escape is malformed.
    static func percentDecoded(_ bytes: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
                else { return nil }
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    private static func containsPercentEscape(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 3 else { return false }
        for index in 0..<(bytes.count - 2) where bytes[index] == UInt8(ascii: "%") {
            if hexValue(bytes[index + 1]) != nil && hexValue(bytes[index + 2]) != nil { return true }
        }
        return false
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
