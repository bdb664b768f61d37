import Foundation
import HelpCenterDiagnostics
import HelpCenterYAML

/// The site's settings, read from `helpcenter.yaml` beside `content/`; every key has a default.
public struct SiteConfiguration: Sendable, Equatable {
    /// The help centre's name, shown in the header and page titles.
    public var name: String = "Help Centre"
    public var description: String = ""
    /// Where the site is published, e.g. `https://example.org/help/`. Used for absolute URLs
    /// (sitemap, canonical links, the 404 page); every other link is relative, so the site
    /// works under any sub-path.
    public var baseURL: String = "/"
    /// The `lang` of every page.
    public var language: String = "en"
    /// Keep raw HTML written in Markdown (off: it is left out, with a warning).
    public var rawHTML: Bool = false
    /// Where the feedback widget posts reactions (JSON); none by default.
    public var feedbackEndpoint: String?
    /// How deep articles' tables of contents go (`toc_depth`, 2 or 3); an article's own
    /// `toc_depth` wins.
    public var tableOfContentsDepth: Int = 2

    public init() {}

    public static let fileName = "helpcenter.yaml"
    static let knownKeys = ["name", "description", "base_url", "language", "raw_html", "feedback_endpoint", "toc_depth"]

    /// The base URL's path, always starting and ending with `/` (`/help/` for `https://example.org/help`).
    public var basePath: String {
        var path = baseURL
        if let schemeEnd = path.range(of: "://") {
            let afterScheme = path[schemeEnd.upperBound...]
            path = afterScheme.firstIndex(of: "/").map { String(afterScheme[$0...]) } ?? "/"
        }
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }

    /// An absolute URL for a site path (`collection/article/`), for sitemaps and canonical links.
    public func absoluteURL(_ sitePath: String) -> String {
        var base = baseURL
        if !base.hasSuffix("/") { base += "/" }
        return base + sitePath
    }

    /// Reads a configuration file's text; problems are diagnostics, defaults fill the gaps.
    public static func parse(_ yaml: String, path: String) -> (SiteConfiguration, [Diagnostic]) {
        var reader = YAMLFieldReader(path: path, firstLine: 1)
        var configuration = SiteConfiguration()
        let root = reader.compose(yaml, what: "the site configuration", limits: .siteConfiguration)
        let fields = reader.fields(of: root, known: knownKeys, what: "the site configuration")
        if let name = reader.string(fields["name"]?.value, key: "name") { configuration.name = name }
        if let text = reader.string(fields["description"]?.value, key: "description") { configuration.description = text }
        if let node = fields["base_url"]?.value, let url = reader.string(node, key: "base_url") {
            let lowered = url.lowercased()
            if url.hasPrefix("/") || lowered.hasPrefix("https://") || lowered.hasPrefix("http://") {
                configuration.baseURL = url
            } else {
                reader.diagnostics.append(
                    .error(
                        "'base_url' must be an http(s) URL or a path starting with '/', found '\(url)'", at: node.location))
            }
        }
        if let language = reader.string(fields["language"]?.value, key: "language") { configuration.language = language }
        if let raw = reader.bool(fields["raw_html"]?.value, key: "raw_html") { configuration.rawHTML = raw }
        if let node = fields["feedback_endpoint"]?.value, let endpoint = reader.string(node, key: "feedback_endpoint") {
            if URLSafety.isSafeLink(endpoint) {
                configuration.feedbackEndpoint = endpoint
            } else {
                reader.diagnostics.append(.error("'feedback_endpoint' is not a safe URL: '\(endpoint)'", at: node.location))
            }
        }
        if let depth = reader.tableOfContentsDepth(fields["toc_depth"]?.value) { configuration.tableOfContentsDepth = depth }
        return (configuration, reader.diagnostics)
    }
}
