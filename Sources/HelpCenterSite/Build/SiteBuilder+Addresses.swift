import HelpCenterDiagnostics
import HelpCenterTemplates

/// The addresses of the site: what links may lead to besides the content's own pages and
/// files, and the file names that cannot make an address.
extension SiteBuilder {
    /// Collections that have articles (their page exists even without an `_index.md`) and what
    /// the build writes itself, for `ContentIndex.linkTarget`.
    func addGeneratedAddresses(to index: inout ContentIndex, entries: [ContentEntry]) {
        for case .article(let collection, _, _) in entries { index.collections.insert(collection) }
        var generated = ["sitemap.xml": "sitemap.xml", "404.html": "404.html", "search/index/manifest.js": "search/index/manifest.js"]
        // A failure to list the templates is reported when they are loaded.
        let templateFiles = (try? templates.listFiles()) ?? []
        for path in templateFiles where path.hasPrefix("assets/") { generated[path] = PageAddress.encode(path) }
        if templateFiles.contains(PageKind.search.templateName + ".mustache") { generated["search"] = "search/" }
        if policy != nil, templateFiles.contains(PageKind.policy.templateName + ".mustache") { generated["policy"] = "policy/" }
        index.generatedPaths = generated
    }

    /// Errors for the published files (pages and files) whose names cannot make a usable
    /// address (`PageAddress.problem(withName:)`), and for names that would become the same
    /// page or file once written to a disk that ignores case or Unicode normalisation (the
    /// second would overwrite the first there, and Swift compares such names as equal).
    func checkAddresses(_ entries: [ContentEntry]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: [String: String] = [:]
        for entry in entries {
            let path: String
            switch entry {
            case .home, .ignored, .translation: continue
            case .collectionIndex(_, let source), .article(_, _, let source), .staticFile(let source): path = source
            }
            if configuration.pageLayout == .files, case .article(_, "index", _) = entry {
                diagnostics.append(
                    .error(
                        "with urls: files this article would be written as its collection's page (index.html); rename the file",
                        at: SourceLocation(path: content.displayPath(path)), id: "address"))
            }
            let segments =
                PageAddress.isPlainPath(path) ? [] : path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { Substring($0) }
            for (position, segment) in segments.enumerated() {
                let name = position == segments.count - 1 && PageAddress.isMarkdown(path) && segment != "_index.md" ? segment.dropLast(3) : segment
                if let problem = PageAddress.problem(withName: name) {
                    diagnostics.append(
                        .error(
                            "the name '\(Self.visible(name))' \(problem); rename the \(position == segments.count - 1 ? "file" : "folder")",
                            at: SourceLocation(path: content.displayPath(path)), id: "address"))
                    break
                }
            }
            // ASCII names (the usual case) are folded without Foundation's full case mapping.
            let folded = Self.caseFolded(path)
            if let first = seen[folded] {
                diagnostics.append(
                    .error(
                        "this file's address would be the same as \(content.displayPath(first))'s on a disk that ignores case or Unicode normalisation; rename one of them",
                        at: SourceLocation(path: content.displayPath(path)), id: "address"))
            } else {
                seen[folded] = path
            }
        }
        return diagnostics
    }

    /// Errors for the configuration's URLs that `URLSafety.publishable` refuses once they are
    /// put together as the pages write them (`base_url` + a page's address, the 404 page's base
    /// path, `feedback_endpoint`). The configuration file refuses most of them already; this
    /// is the same check as every other URL's, for configurations made in code too.
    func checkConfigurationURLs() -> [Diagnostic] {
        var refused: [String] = []
        if URLSafety.publishable(configuration.baseURL) == nil || URLSafety.publishable(configuration.basePath) == nil {
            refused.append("base_url '\(configuration.baseURL)'")
        }
        if let endpoint = configuration.feedbackEndpoint, URLSafety.publishable(endpoint) == nil {
            refused.append("feedback_endpoint '\(endpoint)'")
        }
        var diagnostics: [Diagnostic] = refused.map {
            .error(
                "\($0) is not a safe URL (javascript:, vbscript: and data: URLs are never published)",
                at: SourceLocation(path: configuration.filePath), id: "unsafe-url")
        }
        // Said once, for the default language: the others' base URLs are made from it.
        let isDefaultLanguage = languageSwitch.map { $0.current == $0.languages.primary } ?? true
        if refused.isEmpty && !configuration.hasAbsoluteBaseURL && isDefaultLanguage {
            diagnostics.append(
                .warning(
                    "base_url '\(configuration.baseURL)' is not an absolute URL, so the site has no sitemap.xml and its pages no canonical link, "
                        + "og:url or JSON-LD addresses; set it to where the site is published (base_url: https://help.example.com/)",
                    at: configuration.baseURLLocation, id: "base-url"))
        }
        return diagnostics
    }

    /// The path in lower case: ASCII paths by bytes (and without a copy when already lower
    /// case), others with the full Unicode mapping.
    static func caseFolded(_ path: String) -> String {
        let ascii = path.utf8.allSatisfy { $0 < 0x80 }
        let upper = path.utf8.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
        if !ascii { return path.lowercased() }
        guard upper else { return path }
        return String(decoding: path.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// A name with its control characters shown as `\u{…}`, for messages.
    static func visible(_ name: Substring) -> String {
        name.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
    }
}
