import Crypto
import Foundation

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
        article(fromPage: Array(html.utf8))
    }

    /// Reads one published page from its bytes; nil when it has no feedback box or is not
    /// UTF-8. The markers are found byte by byte: Foundation's `String.range(of:)` went through
    /// NSString and was 70 % of the collector's start (13.6 s for a 10,000-article site).
    public static func article(fromPage bytes: [UInt8]) -> SiteArticle? {
        var page = bytes[...]
        // Foundation's UTF-8 decoding, which this replaced, dropped a byte-order mark.
        if page.starts(with: [0xEF, 0xBB, 0xBF]) { page = page.dropFirst(3) }
        guard let section = find("<section class=\"feedback\"", in: page) else { return nil }
        let tagEnd = page[section.upperBound...].firstIndex(of: UInt8(ascii: ">")) ?? page.endIndex
        let tag = page[section.lowerBound..<tagEnd]
        guard let path = attribute("data-article", in: tag), !path.isEmpty else { return nil }
        // A page that is not UTF-8 is not one the build wrote.
        guard String(validating: page, as: UTF8.self) != nil else { return nil }
        let updated = attribute("data-updated", in: tag).flatMap { $0.isEmpty ? nil : $0 }
        let titleStart = find("<h1 id=\"article-title\">", in: page)
        let title =
            titleStart.flatMap { start in
                find("</h1>", in: page[start.upperBound...]).map { unescape(text(page[start.upperBound..<$0.lowerBound])) }
            } ?? path
        // The article's text: from its title to the end of the <article> element (the body as
        // rendered); the whole page when the template has no such element.
        let start = titleStart?.lowerBound ?? page.startIndex
        let end = find("</article>", in: page[start...])?.upperBound ?? page.endIndex
        let digest = SHA256.hash(data: page[start..<end])
        let revision = digest.prefix(6).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
        return SiteArticle(path: path, title: title, updated: updated, revision: revision)
    }

    /// Where `marker` first occurs in `bytes`. Written by hand: the standard library's
    /// `firstRange(of:)` on bytes took the collector's start on a 10,000-article site back to
    /// 11.6–12.4 s (this loop: 1.2–1.6 s; the site on tmpfs), and Foundation's `Data.range(of:)` copies.
    static func find(_ marker: String, in bytes: ArraySlice<UInt8>) -> Range<Int>? {
        let pattern = Array(marker.utf8)
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        let lastStart = bytes.endIndex - pattern.count
        var from = bytes.startIndex
        while from <= lastStart, let found = bytes[from...lastStart].firstIndex(of: first) {
            if bytes[found..<found + pattern.count].elementsEqual(pattern) { return found..<found + pattern.count }
            from = found + 1
        }
        return nil
    }

    static func attribute(_ name: String, in tag: ArraySlice<UInt8>) -> String? {
        guard let start = find(" \(name)=\"", in: tag) else { return nil }
        guard let end = tag[start.upperBound...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return unescape(text(tag[start.upperBound..<end]))
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The entities the site's escaping writes.
    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
