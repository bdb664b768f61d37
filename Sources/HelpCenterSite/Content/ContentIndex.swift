/// What rendering one page needs to know about the rest of the site: every page by its
/// source path and every other file (with an image's size), so that links can be resolved
/// and checked while articles are rendered in parallel.
public struct ContentIndex: Sendable {
    public struct Page: Sendable, Equatable {
        /// The page's path in the site, e.g. `two-factor-authentication/recovery-keys/` (home is ``).
        public var sitePath: String

        /// The page's key in `pages`, kept here so references share its storage.
        public var sourcePath: String
        /// The site path as links write it, percent-encoded (`PageAddress`).
        public var address: String

        public init(sitePath: String, sourcePath: String = "") {
            self.sitePath = sitePath
            self.sourcePath = sourcePath
            address = PageAddress.encode(sitePath)
        }
    }

    /// Pages by source path relative to the content folder (`collection/article.md`,
    /// `collection/_index.md`, `_index.md`).
    public var pages: [String: Page]
    /// Other files by path relative to the content folder, with the size of those that are images.
    public var files: [String: ImageDimensions?]

    /// Collection folders holding at least one article: their page exists even without an `_index.md`.
    public var collections: Set<String> = []
    /// What the build writes besides the content's pages and files, by path without a trailing
    /// `/` (`search`, `policy`, `sitemap.xml`, `assets/style.css`), with the address a link gets
    /// (`search/`): site-root links may lead there.
    public var generatedPaths: [String: String] = [:]

    /// A preview of one file: links and images are taken to exist (they are not checked).
    public var isLenient: Bool
    /// The product's policy (rules, examples, UI labels), when the project has one.
    public var policy: SitePolicy?
    /// In another language's build: how the pages that fall back to the default language
    /// resolve their links (to the default language's pages, whose anchors they were written
    /// for; docs/languages.md).
    var fallback: FallbackIndex?

    public init(pages: [String: Page] = [:], files: [String: ImageDimensions?] = [:], lenient: Bool = false) {
        self.pages = pages
        self.files = files
        self.isLenient = lenient
    }
}

/// Path arithmetic for content-relative paths and site paths (no leading `/`).
public enum ContentPath {
    /// The last `/`-separated segment of a path (`a/b.md` → `b.md`).
    static func lastSegment(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The folder part of a path (`a/b.md` → `a`, `b.md` → ``).
    public static func directory(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[path.startIndex..<slash])
    }

    /// The non-empty `/`-separated segments of a path (on bytes: `String.split` compares characters).
    public static func segments(_ path: String) -> [Substring] {
        path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
    }

    /// How many non-empty `/`-separated segments a path has.
    static func segmentCount(_ path: String) -> Int {
        var count = 0
        var previous = UInt8(ascii: "/")
        for byte in path.utf8 {
            if byte != UInt8(ascii: "/") && previous == UInt8(ascii: "/") { count += 1 }
            previous = byte
        }
        return count
    }

    /// Joins `relative` onto `directory` and removes `.` and `..`; nil when it climbs above the root.
    public static func resolve(_ relative: String, from directory: String) -> String? {
        if isPlainRelative(relative) {
            return directory.isEmpty ? relative : directory + "/" + relative
        }
        // Works on bytes: the path is built in one buffer, `..` cuts back to the last segment's start.
        var path: [UInt8] = []
        path.reserveCapacity(directory.utf8.count + relative.utf8.count + 1)
        var segmentStarts: [Int] = []
        if relative.utf8.first != UInt8(ascii: "/") {
            guard appendSegments(directory.utf8.span, to: &path, starts: &segmentStarts) else { return nil }
        }
        guard appendSegments(relative.utf8.span, to: &path, starts: &segmentStarts) else { return nil }
        return String(decoding: path, as: UTF8.self)
    }

    /// Appends the `/`-separated segments of `bytes` to `path`: empty and `.` segments are
    /// skipped, `..` removes the last segment (false when there is none).
    private static func appendSegments(_ bytes: Span<UInt8>, to path: inout [UInt8], starts: inout [Int]) -> Bool {
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        var segmentStart = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == slash {
            defer { segmentStart = index + 1 }
            let length = index - segmentStart
            if length == 0 || (length == 1 && bytes[segmentStart] == dot) { continue }
            if length == 2 && bytes[segmentStart] == dot && bytes[segmentStart + 1] == dot {
                guard let start = starts.popLast() else { return false }
                path.removeSubrange(start...)
                continue
            }
            starts.append(path.count)
            if !path.isEmpty { path.append(slash) }
            for position in segmentStart..<index { path.append(bytes[position]) }
        }
        return true
    }

    /// `name.md` or `images/x.png`: no `.`/`..` segments, no empty segments, no leading `/`.
    private static func isPlainRelative(_ path: String) -> Bool {
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        let bytes = path.utf8.span
        guard !bytes.isEmpty, bytes[0] != slash else { return false }
        var segmentStart = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == slash {
            let length = index - segmentStart
            if length == 0 { return false }
            if bytes[segmentStart] == dot && (length == 1 || (length == 2 && bytes[segmentStart + 1] == dot)) { return false }
            segmentStart = index + 1
        }
        return true
    }

    /// A relative URL from the page at `fromSitePath` (a folder, `a/b/`, or a file, `a/b.html`)
    /// to `target` (a site path).
    public static func relativeURL(from fromSitePath: String, to target: String) -> String {
        let depth = folderDepth(fromSitePath)
        let prefix = String(repeating: "../", count: depth)
        let url = prefix + target
        return url.isEmpty ? "./" : url
    }

    /// The prefix that leads from a page back to the site root (`../../` for `a/b/`, `./` for the home page).
    public static func rootPrefix(for sitePath: String) -> String {
        relativeURL(from: sitePath, to: "")
    }
}

/// The index a fallback page's body is rendered with (a class, so that an index can hold one).
final class FallbackIndex: Sendable {
    let index: ContentIndex

    init(_ index: ContentIndex) {
        self.index = index
    }
}
