import Foundation

/// A request body, checked: `{"article", "reaction", "page"}` as the widget sends it, with an
/// optional `comment`, and `vote` when the comment is added to a vote already sent.
public struct VoteSubmission: Sendable, Equatable {
    public var article: String
    public var answer: FeedbackAnswer
    public var comment: String?
    /// The vote this comment belongs to (the id the collector answered with).
    public var amends: String?

    public init(article: String, answer: FeedbackAnswer, comment: String? = nil, amends: String? = nil) {
        self.article = article
        self.answer = answer
        self.comment = comment
        self.amends = amends
    }

    static let fields: Set<String> = ["article", "reaction", "page", "comment", "vote"]

    /// Parses and checks a body; the article is not looked up here (``SiteArticleCatalog``).
    public static func parse(_ body: [UInt8]) throws(FeedbackInputError) -> VoteSubmission {
        guard body.count <= FeedbackLimits.bodyBytes else { throw .bodyTooLarge(limit: FeedbackLimits.bodyBytes) }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(body), options: [])
        } catch {
            throw .malformedJSON
        }
        guard let fields = object as? [String: Any] else { throw .notAnObject }
        if let unknown = fields.keys.sorted().first(where: { !Self.fields.contains($0) }) { throw .unknownField(String(unknown.prefix(40))) }
        let article = try text(fields, "article", required: true) ?? ""
        guard !article.isEmpty, article.count <= FeedbackLimits.articlePathCharacters else { throw .unknownArticle(String(article.prefix(80))) }
        let reaction = try text(fields, "reaction", required: true) ?? ""
        guard let answer = FeedbackAnswer(rawValue: reaction) else { throw .unknownAnswer(String(reaction.prefix(40))) }
        _ = try text(fields, "page", required: false)
        var comment = try text(fields, "comment", required: false, allowsNewlines: true)?.trimmingCharacters(in: .whitespacesAndNewlines)
        if comment?.isEmpty == true { comment = nil }
        // Counted in Unicode scalars, as the stores' CHECK counts them (SQLite's and PostgreSQL's
        // `length`): counted in Swift's characters, a comment of combining marks or emoji
        // families passed here, failed the store's check and took the votes committed with it.
        if let comment, comment.unicodeScalars.count > FeedbackLimits.commentCharacters {
            throw .commentTooLong(limit: FeedbackLimits.commentCharacters)
        }
        if let comment, let tag = firstTag(in: comment) { throw .markupInComment(tag) }
        let amends = try text(fields, "vote", required: false)
        if let amends, !VoteIdentifier.isWellFormed(amends) { throw .unknownVote }
        if amends != nil, comment == nil { throw .missingField("comment") }
        return VoteSubmission(article: article, answer: answer, comment: comment, amends: amends)
    }

    /// The first thing in `text` that a browser would read as the start of an HTML tag, a
    /// comment or a declaration: `<` directly followed by a letter, `/`, `!` or `?` (so `<b>`,
    /// `</p>`, `<!--`, `<?xml`); shortened to 40 characters. Plain text such as "a < b", "<3" or
    /// "=> step 2" passes. The issue asks for markup to be refused rather than stored.
    static func firstTag(in text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        for index in scalars.indices.dropLast() where scalars[index] == "<" {
            let next = scalars[index + 1]
            let opensTag = next.properties.isAlphabetic && next.isASCII || next == "/" || next == "!" || next == "?"
            guard opensTag else { continue }
            var tag = String.UnicodeScalarView()
            for scalar in scalars[index...].prefix(40) {
                tag.append(scalar)
                if scalar == ">" { break }
            }
            return String(tag)
        }
        return nil
    }

    private static func text(_ fields: [String: Any], _ name: String, required: Bool, allowsNewlines: Bool = false) throws(FeedbackInputError) -> String? {
        guard let value = fields[name], !(value is NSNull) else {
            if required { throw .missingField(name) }
            return nil
        }
        // JSONSerialization gives NSNumber for numbers and booleans, which never bridge to String.
        guard let string = value as? String else { throw .wrongType(field: name, expected: "a string") }
        let refused = string.unicodeScalars.contains { scalar in
            if allowsNewlines, scalar == "\n" || scalar == "\t" || scalar == "\r" { return false }
            return scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format && scalar.value != 0x200D
        }
        if refused { throw .invalidText(field: name) }
        return string
    }
}
