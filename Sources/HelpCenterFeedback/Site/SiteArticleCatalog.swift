import Crypto

/// The articles that may receive votes: those of the built site named by `--site`. Each page
/// with a feedback box (`<section class="feedback" data-article="…">`) is an article; its text
/// is hashed so that votes before and after an edit can be told apart.
public struct SiteArticleCatalog: Sendable {
    public let articles: [String: SiteArticle]

    public init(articles: [SiteArticle]) {
        var byPath: [String: SiteArticle] = [:]
        for article in articles { byPath[article.path] = article }
        self.articles = byPath
    }

    public subscript(path: String) -> SiteArticle? { articles[path] }
    public var count: Int { articles.count }

    /// Reads one published page; nil when it has no feedback box (not an article page).
    public static func article(fromPage html: String) -> SiteArticle? {
        guard let section = html.range(of: "<section class=\"feedback\"") else { return nil }
        let tagEnd = html[section.upperBound...].firstIndex(of: ">") ?? html.endIndex
        let tag = html[section.lowerBound..<tagEnd]
        guard let path = attribute("data-article", in: tag), !path.isEmpty else { return nil }
        let updated = attribute("data-updated", in: tag).flatMap { $0.isEmpty ? nil : $0 }
        let title = text(between: "<h1 id=\"article-title\">", and: "</h1>", in: html).map(unescape) ?? path
        // The article's text: from its title to the end of the <article> element (the body as
        // rendered); the whole page when the template has no such element.
        let start = html.range(of: "<h1 id=\"article-title\">")?.lowerBound ?? html.startIndex
        let end = html[start...].range(of: "</article>")?.upperBound ?? html.endIndex
        let digest = SHA256.hash(data: Array(html[start..<end].utf8))
        let revision = digest.prefix(6).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
        return SiteArticle(path: path, title: title, updated: updated, revision: revision)
    }

    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        guard let end = tag[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return unescape(String(tag[start.upperBound..<end]))
    }

    static func text(between open: String, and close: String, in html: String) -> String? {
        guard let start = html.range(of: open), let end = html[start.upperBound...].range(of: close) else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }

    /// The entities the site's escaping writes.
    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
