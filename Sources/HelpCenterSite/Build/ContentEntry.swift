import HelpCenterDiagnostics

/// What a file of the content folder is, decided from its path alone.
enum ContentEntry: Sendable, Equatable {
    case home(path: String)
    case collectionIndex(collection: String, path: String)
    case article(collection: String, slug: String, path: String)
    case staticFile(path: String)
    case ignored(path: String, reason: String)
    /// `article.fr.md` or `_index.fr.md`: the translation into the language `key` of the page
    /// whose file is `sourcePath` (`article.md`). Never a page of the default language.
    case translation(key: String, sourcePath: String, path: String)

    /// The file's path in the content folder.
    var path: String {
        switch self {
        case .home(let path), .collectionIndex(_, let path), .article(_, _, let path), .staticFile(let path), .ignored(let path, _),
            .translation(_, _, let path):
            path
        }
    }

    init(path: String) {
        let parts = ContentPath.segments(path).map(String.init)
        guard path.hasSuffix(".md") else {
            if let name = parts.last, let ext = Self.otherMarkdownExtension(name) {
                // Copied as a static file, a draft's text and front matter would be published.
                self = .ignored(
                    path: path,
                    reason: "only files ending in '.md' are articles, so this '.\(ext)' file is not published; rename it to end in '.md' to make it one")
            } else if let name = parts.last, Self.isMarkdownBackup(name) {
                self = .ignored(path: path, reason: "a backup copy of a Markdown file (.bak, .orig, .old, .rej) is not published")
            } else {
                self = .staticFile(path: path)
            }
            return
        }
        if parts.count <= 2, let (key, sourcePath) = Self.translationSuffix(path) {
            self = .translation(key: key, sourcePath: sourcePath, path: path)
            return
        }
        switch parts.count {
        case 1 where parts[0] == "_index.md":
            self = .home(path: path)
        case 1:
            self = .ignored(path: path, reason: "articles live in a collection folder (content/<collection>/\(parts[0])); this file is not published")
        case 2 where parts[1] == "_index.md":
            self = .collectionIndex(collection: parts[0], path: path)
        case 2:
            self = .article(collection: parts[0], slug: String(parts[1].dropLast(3)), path: path)
        default:
            self = .ignored(
                path: path, reason: "articles live directly in a collection folder (content/<collection>/<article>.md); nested folders are not published")
        }
    }

    /// The extension of a file name that other tools read as Markdown (`.markdown`, `.MD`,
    /// `.mdown`…) but which is not this project's `.md`, or nil.
    static func otherMarkdownExtension(_ name: String) -> String? {
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")) else { return nil }
        let ext = String(name[name.utf8.index(after: dot)...])
        let markdownExtensions: Set<String> = ["md", "markdown", "mdown", "mkd", "mkdn", "mdwn", "mdtxt", "mdtext"]
        return ext != "md" && markdownExtensions.contains(ext.lowercased()) ? ext : nil
    }

    /// `a.md.bak`, `a.md.orig` (a merge tool's), `a.md.old`, `a.md.rej` (a patch's): copies of
    /// an article's source, which a static copy would publish.
    static func isMarkdownBackup(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return [".md.bak", ".md.orig", ".md.old", ".md.rej"].contains { lowered.hasSuffix($0) }
    }

    /// Whether the entry is a Markdown page (home, collection or article).
    var isPage: Bool {
        switch self {
        case .home, .collectionIndex, .article: true
        default: false
        }
    }

    var sourcePath: String {
        switch self {
        case .home(let path), .collectionIndex(_, let path), .article(_, _, let path), .staticFile(let path), .ignored(let path, _),
            .translation(_, _, let path):
            path
        }
    }

    /// The language key and the source's path of a translation's file name (`a/b.fr.md` →
    /// `fr`, `a/b.md`), or nil when the name has no language suffix.
    static func translationSuffix(_ path: String) -> (key: String, sourcePath: String)? {
        let stem = path.dropLast(3)
        // '/' and '.' are searched among the UTF-8 bytes (every content path comes through
        // here; the character search cost about 2 µs a path). An ASCII byte starts a Unicode
        // scalar, not always a character: `.` followed by a combining mark is one character,
        // which the byte search finds and the character search did not. The result is the same,
        // because a language key is ASCII only (`looksLikeKey`), and `ContentPath.segments`
        // splits paths on the same bytes.
        let nameStart = stem.utf8.lastIndex(of: UInt8(ascii: "/")).map { stem.utf8.index(after: $0) } ?? stem.startIndex
        guard let dot = stem.utf8[nameStart...].lastIndex(of: UInt8(ascii: ".")), dot > nameStart else { return nil }
        let key = stem[stem.utf8.index(after: dot)...]
        guard SiteLanguage.looksLikeKey(key) else { return nil }
        return (String(key), String(stem[..<dot]) + ".md")
    }

    /// The site path of a page: home ``, collection `c/`, article `c/a/` (or `c/a.html` with
    /// the `files` layout).
    static func sitePath(collection: String?, slug: String?, layout: PageLayout) -> String {
        if let collection, let slug { return layout.articlePath(collection: collection, slug: slug) }
        var path = ""
        if let collection { path += collection + "/" }
        if let slug { path += slug + "/" }
        return path
    }

    /// Names that would collide with what the generator writes at the top of the site (the
    /// names of collections, and the first part of a language's prefix).
    static let reservedCollectionNames: Set<String> = ["assets", "search", "policy", "collections", "404.html", "sitemap.xml", "index.html"]
}

/// A Markdown page read and rendered in the first pass of a build.
struct PageRecord: Sendable {
    enum Kind: Sendable, Equatable {
        case home
        case collection(String)
        case article(collection: String, slug: String)
    }

    var kind: Kind
    var sourcePath: String
    /// The path diagnostics print (`content/…`).
    var displayPath: String
    /// Where the page is written, relative to the site (`collection/article/`, not encoded).
    var sitePath: String
    /// The same path as links write it, percent-encoded (`PageAddress`).
    var address: String
    var article: ArticleFrontMatter?
    var collection: CollectionFrontMatter?
    /// False for a draft this build leaves out, or a page whose front matter is unusable.
    var isPublished: Bool
    /// On a page of another language: the page shows the default language's source, as its
    /// translation is missing (a notice says so).
    var isFallback = false
    var body: RenderedBody?
    var diagnostics: [Diagnostic]

    var title: String { article?.title ?? collection?.title ?? "" }

    /// An article left out of the site because it is a draft (`draft: true`, built without `--drafts`).
    var isLeftOutDraft: Bool { !isPublished && article?.draft == true }

    /// Left-out drafts by the site path each would have, to their display paths (`BuildReport.draftPages`).
    static func draftPages(_ records: some Sequence<PageRecord>) -> [String: String] {
        var pages: [String: String] = [:]
        for record in records where record.isLeftOutDraft && !record.sitePath.isEmpty { pages[record.sitePath] = record.displayPath }
        return pages
    }
}
