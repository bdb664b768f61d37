import HelpCenterTemplates

/// Which URLs may reach the output. `javascript:`, `vbscript:` and non-image `data:` URLs
/// never do, however they are spelt (case, embedded white space or control characters).
public enum URLSafety {
    /// Whether a link destination is safe to emit.
    public static func isSafeLink(_ url: String) -> Bool {
        normalizedScheme(url).map { isSafeLink(scheme: $0) } ?? true
    }

    /// Whether links with this (normalised) scheme may be emitted.
    public static func isSafeLink(scheme: String) -> Bool {
        scheme != "javascript" && scheme != "vbscript" && scheme != "data"
    }

    /// The one check every URL the generator writes goes through: link and image addresses in
    /// bodies, the template values that are URLs (`root`, `canonicalURL`, a redirect's target,
    /// `base_url`, `feedback_endpoint`), the sitemap. It looks at the URL as it is finally
    /// written, after a site-root or relative link is resolved, because that is what the
    /// browser reads (`/javascript:x` on the home page resolved to `javascript:x`).
    /// Returns nil when the scheme is not allowed, otherwise the URL with the characters an
    /// attribute cannot hold percent-encoded (`HTMLEscaping.normalizeURL`).
    public static func publishable(_ url: String, asImage: Bool = false) -> String? {
        if let scheme = normalizedScheme(url) {
            guard asImage ? isSafeImage(url, scheme: scheme) : isSafeLink(scheme: scheme) else { return nil }
        }
        return HTMLEscaping.normalizeURL(url)
    }

    /// Whether an image source is safe to emit: like links, but raster `data:` images are allowed.
    public static func isSafeImageSource(_ url: String) -> Bool {
        guard let scheme = normalizedScheme(url) else { return true }
        return isSafeImage(url, scheme: scheme)
    }

    private static func isSafeImage(_ url: String, scheme: String) -> Bool {
        if scheme == "data" {
            let lowered = compact(url).lowercased()
            return ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp", "data:image/avif"]
                .contains { lowered.hasPrefix($0) }
        }
        return !["javascript", "vbscript"].contains(scheme)
    }

    /// The URL's scheme, lower-cased, as a browser would read it (ignoring white space and
    /// control characters), or nil for a relative URL.
    public static func normalizedScheme(_ url: String) -> String? {
        // Fast path: a URL of plain characters up to its first ':', '/', '?' or '#'.
        var plain = true
        for byte in url.utf8 {
            if byte <= 0x20 || byte == 0x7F || byte >= 0x80 {
                plain = false
                break
            }
            if byte == UInt8(ascii: ":") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { break }
        }
        let text = plain ? url : compact(url)
        // A scheme is a letter, then letters, digits, `+`, `-` or `.`, up to the first `:`.
        var scheme: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: ":"):
                return scheme.isEmpty ? nil : String(decoding: scheme, as: UTF8.self)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                scheme.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                scheme.append(byte)
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                guard !scheme.isEmpty else { return nil }
                scheme.append(byte)
            default:
                return nil
            }
        }
        return nil
    }

    /// Whether a URL names a scheme or a host (`https://…`, `mailto:…`, `//host/…`).
    public static func isExternal(_ url: String) -> Bool {
        url.hasPrefix("//") || normalizedScheme(url) != nil
    }

    private static func compact(_ url: String) -> String {
        String(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }.map(Character.init))
    }
}
