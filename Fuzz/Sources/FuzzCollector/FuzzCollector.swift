import Foundation
import FuzzSupport
import HelpCenterFeedback

/// What the feedback collector reads from a client: a vote's JSON body, an `X-Forwarded-For`
/// entry (sent on by a trusted proxy, but written by the client), and an `Origin` header. The
/// same input goes to all three.
///
/// Checks besides "no crash": an accepted vote holds only what the stores and the report may
/// show (an article path of 1–512 characters, a known answer, a comment trimmed, of at most
/// 1,000 code points, with no tag and no control character but tab and line breaks, a comment's
/// vote id well formed); a refused one is a 4xx with a short message; a forwarded address is
/// one the collector can count (and counts: one vote admitted, the next one limited).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCollector(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    checkVote(input.bytes)
    checkForwarded(input.text)
    checkOrigin(input.text)
    return 0
}

private func checkVote(_ body: [UInt8]) {
    let vote: VoteSubmission
    do {
        vote = try VoteSubmission.parse(body)
    } catch {
        fuzzCheck((400..<500).contains(error.status), "refusal \(error.code) answered \(error.status)")
        fuzzCheck(!error.code.isEmpty && !error.description.isEmpty, "a refusal without a code or a message")
        // The message goes back to the client (and into the widget's console): what it quotes
        // of the body is shortened.
        fuzzCheck(error.description.count <= 300, "refusal \(error.code): a message of \(error.description.count) characters")
        return
    }
    fuzzCheck(!vote.article.isEmpty && vote.article.count <= FeedbackLimits.articlePathCharacters, "article of \(vote.article.count) characters accepted")
    fuzzCheck(!hasControl(vote.article, allowingLineBreaks: false), "article with a control character accepted")
    if let comment = vote.comment {
        fuzzCheck(!comment.isEmpty, "an empty comment kept")
        fuzzCheck(comment == comment.trimmingCharacters(in: .whitespacesAndNewlines), "a comment kept untrimmed")
        fuzzCheck(comment.unicodeScalars.count <= FeedbackLimits.commentCharacters, "a comment of \(comment.unicodeScalars.count) code points")
        fuzzCheck(!hasControl(comment, allowingLineBreaks: true), "a comment with a control character accepted")
        fuzzCheck(!opensTag(comment), "a comment with markup accepted: \(comment.debugDescription)")
    }
    if let amends = vote.amends {
        fuzzCheck(VoteIdentifier.isWellFormed(amends), "a comment for the vote id \(amends.debugDescription)")
        fuzzCheck(vote.comment != nil, "a vote id without a comment")
    }
}

/// A control or format character (zero-width joiner aside: emoji use it); with
/// `allowingLineBreaks`, tab, LF and CR are allowed.
private func hasControl(_ text: String, allowingLineBreaks: Bool) -> Bool {
    text.unicodeScalars.contains { scalar in
        if allowingLineBreaks, scalar == "\n" || scalar == "\r" || scalar == "\t" { return false }
        let category = scalar.properties.generalCategory
        return category == .control || category == .format && scalar.value != 0x200D
    }
}

/// `<` followed by an ASCII letter, `/`, `!` or `?`: the start of a tag, a comment or a
/// declaration for a browser.
private func opensTag(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    return scalars.indices.dropLast().contains { index in
        guard scalars[index] == "<" else { return false }
        let next = scalars[index + 1]
        return next.isASCII && next.properties.isAlphabetic || next == "/" || next == "!" || next == "?"
    }
}

private func checkForwarded(_ entry: String) {
    guard let address = VoteRateLimiter.address(forwarded: entry) else { return }
    fuzzCheck(!address.isEmpty && !address.contains(where: \.isWhitespace), "forwarded address \(address.debugDescription)")
    fuzzCheck(VoteRateLimiter.address(forwarded: address) == address, "forwarded address \(address.debugDescription) is not read back as itself")
    let limiter = VoteRateLimiter(perMinute: 1)
    fuzzCheck(limiter.admit(address, now: 1_000) == nil, "the first vote from \(address.debugDescription) refused")
    let wait = limiter.admit(address, now: 1_001)
    fuzzCheck(wait.map { $0 >= 1 && $0 <= 60 } == true, "the second vote from \(address.debugDescription): wait \(String(describing: wait))")
}

private func checkOrigin(_ origin: String) {
    let normalized = CollectorOptions.normalizedOrigin(origin)
    fuzzCheck(!normalized.hasSuffix("/"), "origin \(normalized.debugDescription) keeps a slash")
    fuzzCheck(CollectorOptions.normalizedOrigin(normalized) == normalized, "origin \(origin.debugDescription) normalized twice differs")
}
