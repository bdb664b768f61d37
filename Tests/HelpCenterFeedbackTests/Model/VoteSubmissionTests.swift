import Testing

@testable import HelpCenterFeedback

@Suite struct VoteSubmissionTests {
    @Test func theWidgetsBodyIsAccepted() throws {
        let body = #"{"article":"accounts/reset/","reaction":"partly","page":"/accounts/reset/"}"#
        let submission = try VoteSubmission.parse(Array(body.utf8))
        #expect(submission == VoteSubmission(article: "accounts/reset/", answer: .partly))
    }

    @Test func aCommentIsKeptAsTextTrimmed() throws {
        let body = #"{"article":"a/","reaction":"no","comment":"  Step 3 & 4 are wrong (a < b, <3, => next)\n"}"#
        #expect(try VoteSubmission.parse(Array(body.utf8)).comment == "Step 3 & 4 are wrong (a < b, <3, => next)")
    }

    @Test(arguments: [
        ("<b>Step 3</b> is wrong", "<b>"),
        ("see </p> here", "</p>"),
        ("x <!-- hidden --> y", "<!-- hidden -->"),
        ("<?xml version", "<?xml version"),
        ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
    ])
    func aCommentWithMarkupIsRefusedNamingTheTag(comment: String, tag: String) {
        let body = #"{"article":"a/","reaction":"no","comment":"\#(comment)"}"#
        #expect(throws: FeedbackInputError.markupInComment(tag)) { try VoteSubmission.parse(Array(body.utf8)) }
    }

    @Test(arguments: [
        (#"{"article":"a/","reaction":"yes""#, "malformed-json"),
        (#"["a/","yes"]"#, "not-an-object"),
        (#"{"reaction":"yes"}"#, "missing-field"),
        (#"{"article":7,"reaction":"yes"}"#, "wrong-type"),
        (#"{"article":"a/","reaction":true}"#, "wrong-type"),
        (#"{"article":"a/","reaction":"maybe"}"#, "unknown-answer"),
        (#"{"article":"a/","reaction":"yes","extra":1}"#, "unknown-field"),
        (#"{"article":"a/","reaction":"yes","comment":"nul \u0000 here"}"#, "invalid-text"),
        (#"{"article":"a/","reaction":"no","comment":"x","vote":"not-an-id"}"#, "unknown-vote"),
        (#"{"article":"a/","reaction":"no","vote":"0123456789abcdef0123456789abcdef"}"#, "missing-field"),
    ])
    func badBodiesAreRefusedWithTheirReason(body: String, code: String) {
        #expect(throws: FeedbackInputError.self) { try VoteSubmission.parse(Array(body.utf8)) }
        do {
            _ = try VoteSubmission.parse(Array(body.utf8))
        } catch {
            #expect(error.code == code)
            #expect((400..<500).contains(error.status))
        }
    }

    /// The refusal quotes a short piece of what was sent, never all of it (found by fuzz-collector).
    @Test func anUnknownFieldIsQuotedShortened() {
        let name = String(repeating: "x", count: 2_000)
        let body = #"{"article":"a/","reaction":"yes","\#(name)":1}"#
        #expect(throws: FeedbackInputError.unknownField(String(repeating: "x", count: 40))) { try VoteSubmission.parse(Array(body.utf8)) }
    }

    @Test func aLongCommentIsRefused() {
        let comment = String(repeating: "é", count: FeedbackLimits.commentCharacters + 1)
        let body = #"{"article":"a/","reaction":"no","comment":"\#(comment)"}"#
        #expect(throws: FeedbackInputError.commentTooLong(limit: FeedbackLimits.commentCharacters)) { try VoteSubmission.parse(Array(body.utf8)) }
    }

    /// Counted in Unicode scalars, as the stores count: 1,000 combining marks after one letter
    /// are one character to Swift, and 200 emoji families 200.
    @Test(arguments: [
        "x" + String(repeating: "\u{301}", count: FeedbackLimits.commentCharacters), String(repeating: "👨‍👩‍👧‍👦", count: 200),
    ])
    func aCommentIsCountedAsTheStoresCountIt(comment: String) {
        let body = #"{"article":"a/","reaction":"no","comment":"\#(comment)"}"#
        #expect(throws: FeedbackInputError.commentTooLong(limit: FeedbackLimits.commentCharacters)) { try VoteSubmission.parse(Array(body.utf8)) }
    }

    @Test func anOversizedBodyIsRefusedBeforeParsing() {
        let body = Array(repeating: UInt8(ascii: " "), count: FeedbackLimits.bodyBytes + 1)
        #expect(throws: FeedbackInputError.bodyTooLarge(limit: FeedbackLimits.bodyBytes)) { try VoteSubmission.parse(body) }
    }
}
