import Foundation
import Hummingbird
import Logging
import Synchronization

/// The collector: votes at `POST /`, checked against the published site, rate-limited per
/// address, stored through the group-commit writer. `OPTIONS /` answers the browsers' CORS
/// preflight for the allowed origins; `GET /` says the collector is up (load balancers).
public struct FeedbackCollector: HTTPResponder {
    public typealias Context = CollectorRequestContext

    /// The published site's articles, replaced when the site is published again.
    public let site: PublishedSiteCatalog
    public var catalog: SiteArticleCatalog { site.catalog }
    public let writer: VoteBatchWriter
    public let limiter: VoteRateLimiter
    public let options: CollectorOptions
    private let now: @Sendable () -> Int64
    private let acknowledged = AcknowledgedVotes()

    /// The votes this collector answered `201` for since it started (all of them committed).
    public var acknowledgedVotes: Int { acknowledged.count.load(ordering: .relaxed) }

    public init(
        catalog: SiteArticleCatalog, store: any FeedbackStore, options: CollectorOptions, now: @escaping @Sendable () -> Int64 = FeedbackClock.nowMilliseconds
    ) {
        site = PublishedSiteCatalog(catalog)
        writer = VoteBatchWriter(store: store)
        limiter = VoteRateLimiter(perMinute: options.votesPerMinute)
        self.options = options
        self.now = now
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        let origin = request.headers[.origin]
        let cors = corsHeaders(origin)
        guard request.uri.path == "/" else {
            return CollectorAnswer(error: "not-found", message: "votes are posted to /").response(.notFound, headers: cors)
        }
        switch request.method {
        case .post:
            return await vote(request, context: context, cors: cors)
        case .options:
            guard let origin, isAllowed(origin, request: request) else {
                return CollectorAnswer.refusal(.originNotAllowed(origin ?? "")).response(.forbidden)
            }
            var headers = cors
            headers[.accessControlAllowMethods] = "POST"
            headers[.accessControlAllowHeaders] = "Content-Type"
            headers[.accessControlMaxAge] = "86400"
            return Response(status: .noContent, headers: headers)
        case .get, .head:
            return CollectorAnswer(status: "collecting", articles: catalog.count).response(.ok, headers: cors)
        default:
            return CollectorAnswer(error: "method-not-allowed", message: "use POST").response(.methodNotAllowed, headers: [.allow: "GET, POST, OPTIONS"])
        }
    }

    private func vote(_ request: Request, context: Context, cors: HTTPFields) async -> Response {
        if let origin = request.headers[.origin], !isAllowed(origin, request: request) {
            return CollectorAnswer.refusal(.originNotAllowed(origin)).response(.forbidden)
        }
        let time = now()
        if let wait = limiter.admit(clientAddress(request, context: context), now: time) {
            var headers = cors
            headers[.retryAfter] = String(wait)
            return CollectorAnswer.refusal(.rateLimited(retryAfterSeconds: wait)).response(.tooManyRequests, headers: headers)
        }
        do {
            let submission = try await submission(request)
            guard let article = catalog[submission.article] else { throw FeedbackInputError.unknownArticle(String(submission.article.prefix(80))) }
            if let id = submission.amends, let comment = submission.comment {
                let added = try await writer.store.addComment(
                    comment, toVote: id, article: article.path, answer: submission.answer, notBefore: time - FeedbackLimits.commentWindowMilliseconds)
                guard added else { throw FeedbackInputError.unknownVote }
                return CollectorAnswer(status: "commented", vote: id).response(.ok, headers: cors)
            }
            let vote = FeedbackVote(
                id: VoteIdentifier.make(), article: article.path, answer: submission.answer, comment: submission.comment, receivedAt: time,
                articleUpdated: article.updated, articleRevision: article.revision)
            try await writer.write(vote)
            acknowledged.count.add(1, ordering: .relaxed)
            return CollectorAnswer(status: "stored", vote: vote.id).response(.created, headers: cors)
        } catch let problem as FeedbackInputError {
            var headers = cors
            // The rest of a body too slow to wait for is not read: the connection ends with the answer.
            if case .bodyTooSlow = problem { headers[.connection] = "close" }
            return CollectorAnswer.refusal(problem).response(.init(code: problem.status), headers: headers)
        } catch {
            context.logger.error("feedback store: \(error)")
            var headers = cors
            headers[.retryAfter] = "5"
            return CollectorAnswer(error: "storage-unavailable", message: "the vote could not be stored; try again later").response(
                .serviceUnavailable, headers: headers)
        }
    }

    private func submission(_ request: Request) async throws -> VoteSubmission {
        let type = request.headers[.contentType]
        // The media type before any parameter (`application/json; charset=utf-8`), not a prefix
        // of it (`application/jsonx` passed).
        let mediaType = type?.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard mediaType == "application/json" else { throw FeedbackInputError.unsupportedContentType(type) }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > FeedbackLimits.bodyBytes {
            throw FeedbackInputError.bodyTooLarge(limit: FeedbackLimits.bodyBytes)
        }
        let body = try await Self.collectBody(of: request, within: .seconds(FeedbackLimits.bodySeconds))
        return try VoteSubmission.parse(Array(buffer: body))
    }

    /// The request's body, read within `limit`.
    static func collectBody(of request: Request, within limit: Duration) async throws -> ByteBuffer {
        try await withDeadline(limit, orThrow: FeedbackInputError.bodyTooSlow(seconds: Int(limit.components.seconds))) {
            do {
                return try await request.body.collect(upTo: FeedbackLimits.bodyBytes)
            } catch {
                throw FeedbackInputError.bodyTooLarge(limit: FeedbackLimits.bodyBytes)
            }
        }
    }

    /// An Origin is allowed when it is listed, or when it is the collector's own (same host).
    func isAllowed(_ origin: String, request: Request) -> Bool {
        let normalized = CollectorOptions.normalizedOrigin(origin)
        if options.allowedOrigins.contains(normalized) { return true }
        guard let host = request.head.authority?.lowercased() else { return false }
        return normalized == "http://\(host)" || normalized == "https://\(host)"
    }

    private func corsHeaders(_ origin: String?) -> HTTPFields {
        guard let origin, options.allowedOrigins.contains(CollectorOptions.normalizedOrigin(origin)) else { return [:] }
        return [.accessControlAllowOrigin: origin, .vary: "Origin"]
    }

    /// The peer, or the client a trusted proxy names in `X-Forwarded-For`: the last entry of
    /// all its lines together, the one the proxy itself added (a client can send lines or
    /// entries of its own ahead of it, to choose its rate-limit key). A last entry that is not
    /// an IP address (with or without a port) counts as the peer.
    func clientAddress(_ request: Request, context: Context) -> String {
        let peer = context.peerAddress ?? "unknown"
        guard options.trustedProxies.contains(peer) else { return peer }
        let entries = request.headers.filter { $0.name.canonicalName == "x-forwarded-for" }.flatMap { $0.value.split(separator: ",") }
        guard let last = entries.last.flatMap({ VoteRateLimiter.address(forwarded: String($0)) }) else { return peer }
        return last
    }
}

/// A counter shared by the collector's copies (Hummingbird copies the responder).
private final class AcknowledgedVotes: Sendable {
    let count = Atomic<Int>(0)
}
