/// Why a request was refused. Each case is a 4xx answer with a JSON body naming the problem;
/// nothing is stored for a refused request.
public enum FeedbackInputError: Error, Sendable, Equatable, CustomStringConvertible {
    case bodyTooLarge(limit: Int)
    /// The body did not arrive within the limit (a client sending it a byte at a time).
    case bodyTooSlow(seconds: Int)
    case unsupportedContentType(String?)
    case malformedJSON
    case notAnObject
    case missingField(String)
    case wrongType(field: String, expected: String)
    case unknownField(String)
    case unknownAnswer(String)
    case unknownArticle(String)
    case commentTooLong(limit: Int)
    /// The comment holds an HTML tag (its first one, shortened).
    case markupInComment(String)
    case invalidText(field: String)
    case unknownVote
    case originNotAllowed(String)
    case rateLimited(retryAfterSeconds: Int)

    /// The HTTP status code of the answer.
    public var status: Int {
        switch self {
        case .bodyTooLarge: 413
        case .bodyTooSlow: 408
        case .unsupportedContentType: 415
        case .unknownArticle, .unknownVote: 404
        case .originNotAllowed: 403
        case .rateLimited: 429
        case .malformedJSON, .notAnObject, .missingField, .wrongType, .unknownField, .unknownAnswer, .commentTooLong, .markupInComment,
            .invalidText:
            400
        }
    }

    /// A stable identifier for scripts.
    public var code: String {
        switch self {
        case .bodyTooLarge: "body-too-large"
        case .bodyTooSlow: "body-too-slow"
        case .unsupportedContentType: "unsupported-content-type"
        case .malformedJSON: "malformed-json"
        case .notAnObject: "not-an-object"
        case .missingField: "missing-field"
        case .wrongType: "wrong-type"
        case .unknownField: "unknown-field"
        case .unknownAnswer: "unknown-answer"
        case .unknownArticle: "unknown-article"
        case .commentTooLong: "comment-too-long"
        case .markupInComment: "markup-in-comment"
        case .invalidText: "invalid-text"
        case .unknownVote: "unknown-vote"
        case .originNotAllowed: "origin-not-allowed"
        case .rateLimited: "rate-limited"
        }
    }

    public var description: String {
        switch self {
        case .bodyTooLarge(let limit): "the body is larger than \(limit) bytes"
        case .bodyTooSlow(let seconds): "the body did not arrive within \(seconds) s"
        case .unsupportedContentType(let type): "expected Content-Type application/json, got \(type.map { "'\($0)'" } ?? "none")"
        case .malformedJSON: "the body is not valid JSON"
        case .notAnObject: "the body must be a JSON object"
        case .missingField(let field): "'\(field)' is missing"
        case .wrongType(let field, let expected): "'\(field)' must be \(expected)"
        case .unknownField(let field): "unknown field '\(field)' (expected article, reaction, page, comment, vote)"
        case .unknownAnswer(let answer): "unknown reaction '\(answer)' (expected no, partly or yes)"
        case .unknownArticle(let article): "no article '\(article)' in the published site"
        case .commentTooLong(let limit): "the comment is longer than \(limit) characters (Unicode code points)"
        case .markupInComment(let tag): "the comment contains HTML markup ('\(tag)'); send it as plain text"
        case .invalidText(let field): "'\(field)' contains control characters"
        case .unknownVote: "no vote to comment on (unknown, already commented, or older than an hour)"
        case .originNotAllowed(let origin): "origin '\(origin)' is not allowed to post feedback"
        case .rateLimited(let seconds): "too many votes from this address; try again in \(seconds) s"
        }
    }
}
