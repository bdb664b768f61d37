/// The `Content-Type` of a site file, by its extension (text types in UTF-8).
public enum ServedMediaType {
    public static let html = "text/html; charset=utf-8"
    public static let plainText = "text/plain; charset=utf-8"
    public static let javaScript = "text/javascript; charset=utf-8"
    public static let eventStream = "text/event-stream; charset=utf-8"
    public static let fallback = "application/octet-stream"

    private static let byExtension: [String: String] = [
        "html": html, "htm": html,
        "css": "text/css; charset=utf-8",
        "js": javaScript, "mjs": javaScript,
        "json": "application/json", "map": "application/json",
        "webmanifest": "application/manifest+json",
        "xml": "application/xml; charset=utf-8",
        "txt": plainText, "md": plainText,
        "csv": "text/csv; charset=utf-8",
        "svg": "image/svg+xml",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon",
        "woff2": "font/woff2", "woff": "font/woff", "ttf": "font/ttf", "otf": "font/otf",
        "pdf": "application/pdf", "mp4": "video/mp4", "webm": "video/webm", "wasm": "application/wasm",
    ]

    /// The media type for a site path such as `assets/style.css` (octet-stream when unknown).
    public static func forPath(_ path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: ".") else { return fallback }
        return byExtension[name[name.index(after: dot)...].lowercased()] ?? fallback
    }

    public static func isHTML(_ mediaType: String) -> Bool { mediaType == html }
}
