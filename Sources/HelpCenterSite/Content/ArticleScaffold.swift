import Foundation
import HelpCenterCalendar

/// A new article's file, as `helpcenter new article` writes it: a slug from the title and front
/// matter filled in (title, a description to write, author, today's date, the next order), as
/// a draft: its placeholder text is not published until the writer removes `draft: true`.
public struct ArticleScaffold: Sendable, Equatable {
    /// Content-relative path, e.g. `two-factor-authentication/recovery-keys.md`.
    public var path: String
    public var text: String

    public init(title: String, collection: String, updated: CalendarDate, author: String?, order: Int) {
        // A title with no Latin letter or digit (`二要素認証`) has no slug of its own: numbered by
        // its order, so that a second one is not refused as existing.
        let slug = Self.slug(for: title, fallback: "article-\(order)")
        path = collection + "/" + slug + ".md"
        var lines = ["---", "title: " + Self.quoted(title), "description: \"\"  # one sentence shown under the title and in lists"]
        if let author, !author.isEmpty { lines.append("author: " + Self.quoted(author)) }
        let placeholder = Self.placeholders
        lines += [
            "updated: \(updated.iso)", "order: \(order)", "tags: []", "draft: true  # remove this line to publish the article", "---", "",
            placeholder[0], "",
            "## Before you begin", "", "- " + placeholder[1], "",
            "## Steps", "", "1. " + placeholder[2], "2. " + placeholder[3], "",
        ]
        text = lines.joined(separator: "\n")
    }

    /// The skeleton's text for the writer to replace. The build warns about each one still in a
    /// published article (`ArticleBodyRenderer.render`): once `draft: true` was removed,
    /// it went live without a word (session 24's writer trial).
    public static let placeholders = [
        "Say in a sentence or two what this article helps the reader do.", "What the reader needs first.", "The first step.", "The next step.",
    ]
    static let placeholderSet = Set(placeholders)

    /// Whether a text of `count` bytes may be a placeholder: the lengths of `placeholders`, as a
    /// switch (this runs for every text of every article; a set hashed the count).
    @inline(__always) static func mayBePlaceholder(count: Int) -> Bool {
        switch count {
        case 63, 28, 15, 14: true
        default: false
        }
    }

    /// `Set up 2FA: phones & e-mails` → `set-up-2fa-phones-e-mails`; accents are dropped.
    public static func slug(for title: String, fallback: String = "article") -> String {
        let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en"))
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen && !slug.isEmpty { slug += "-" }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else if scalar != "'" && scalar != "’" {
                pendingHyphen = true
            }
        }
        guard !slug.isEmpty else { return fallback }
        // A file name has room for 255 bytes; a slug of a few words is an address people can read.
        let lowered = slug.lowercased()
        guard lowered.count > longestSlug else { return lowered }
        // Cut after the last whole word that fits; a first word longer than that is cut in it.
        let cut = lowered.prefix(longestSlug + 1).lastIndex(of: "-") ?? lowered.index(lowered.startIndex, offsetBy: longestSlug)
        return String(lowered[..<cut])
    }

    /// Most characters of a slug: it is cut after the last whole word that fits.
    public static let longestSlug = 80

    /// The next `order` after those already used in the collection.
    public static func nextOrder(after orders: [Int?]) -> Int {
        (orders.compactMap { $0 }.max() ?? orders.count) + 1
    }

    /// A YAML double-quoted string.
    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    /// Reads the `order` of an existing article (nil when it has none or cannot be read).
    public static func order(ofArticle source: String, path: String) -> Int? {
        ArticleFrontMatter.parse(FrontMatterSplitter.split(source), path: path).0?.order
    }
}
