import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import HelpCenterFeedback

/// The collector in process, on a real SQLite file.
@Suite struct FeedbackCollectorTests {
    static let catalog = SiteArticleCatalog(articles: [
        SiteArticle(path: "accounts/reset/", title: "Reset", updated: "2026-11-29", revision: "aaaaaaaaaaaa"),
        SiteArticle(path: "accounts/close/", title: "Close", updated: nil, revision: "bbbbbbbbbbbb"),
    ])
    static let origin = "https://help.example.org"

    struct Harness {
        var path: String
        var store: SQLiteFeedbackStore
        var collector: FeedbackCollector
    }

    static func harness(votesPerMinute: Int = 0) async throws -> Harness {
        let path = SQLiteFeedbackStoreTests.temporaryFile()
        let store = try await SQLiteFeedbackStore(path: path)
        let collector = FeedbackCollector(
            catalog: catalog, store: store, options: CollectorOptions(port: 0, allowedOrigins: [origin + "/"], votesPerMinute: votesPerMinute))
        return Harness(path: path, store: store, collector: collector)
    }

    static func json(_ buffer: ByteBuffer) -> [String: String] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: String]) ?? [:]
    }

    static let jsonHeaders: HTTPFields = [.contentType: "application/json"]

    @Test func aVoteIsStoredWithTheArticlesRevisionAndAcknowledged() async throws {
        let harness = try await Self.harness()
        defer { SQLiteFeedbackStoreTests.remove(harness.path) }
        try await FeedbackCollectorServer.makeApplication(harness.collector).test(.router) { client in
            let body = #"{"article":"accounts/reset/","reaction":"no","page":"/accounts/reset/"}"#
            try await client.execute(uri: "/", method: .post, headers: Self.jsonHeaders, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .created)
                #expect(VoteIdentifier.isWellFormed(Self.json(response.body)["vote"] ?? ""))
            }
        }
        #expect(try await harness.store.count() == 1)
        let counts = try await harness.store.voteCounts(since: nil)
        #expect(counts.map(\.revision) == ["aaaaaaaaaaaa"])
        #expect(counts.map(\.updated) == ["2026-11-29"])
    }

    @Test func aSitePublishedAgainIsUsedForTheNextVotes() async throws {
        let harness = try await Self.harness()
        defer { SQLiteFeedbackStoreTests.remove(harness.path) }
        let body = #"{"article":"accounts/new/","reaction":"yes"}"#
        try await FeedbackCollectorServer.makeApplication(harness.collector).test(.router) { client in
            try await client.execute(uri: "/", method: .post, headers: Self.jsonHeaders, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .notFound)
            }
            harness.collector.site.replace(
                with: SiteArticleCatalog(articles: [
                    SiteArticle(path: "accounts/reset/", title: "Reset", updated: "2026-12-05", revision: "cccccccccccc"),
                    SiteArticle(path: "accounts/new/", title: "New", updated: nil, revision: "dddddddddddd"),
                ]))
            try await client.execute(uri: "/", method: .post, headers: Self.jsonHeaders, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .created)
            }
            let edited = #"{"article":"accounts/reset/","reaction":"no"}"#
            try await client.execute(uri: "/", method: .post, headers: Self.jsonHeaders, body: ByteBuffer(string: edited)) { response in
                #expect(response.status == .created)
            }
        }
        let counts = try await harness.store.voteCounts(since: nil)
        #expect(Set(counts.map(\.revision)) == ["cccccccccccc", "dddddddddddd"])
    }

    @Test func aSiteFolderSwappedInHasANewStamp() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("stamp-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let site = parent + "/_site"
        try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
        let before = try #require(SiteArticleCatalog.stamp(site: site))
        #expect(SiteArticleCatalog.stamp(site: site) == before)
        try FileManager.default.createDirectory(atPath: parent + "/staged", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: site, toPath: parent + "/old")
        try FileManager.default.moveItem(atPath: parent + "/staged", toPath: site)
        #expect(SiteArticleCatalog.stamp(site: site) != before)
        #expect(SiteArticleCatalog.stamp(site: parent + "/missing") == nil)
    }

    @Test(arguments: [
        (#"{"article":"accounts/reset/","reaction":"yes""#, 400, "malformed-json"),
        (#"{"article":"accounts/gone/","reaction":"yes"}"#, 404, "unknown-article"),
        (#"{"article":"accounts/reset/","reaction":"meh"}"#, 400, "unknown-answer"),
        (#"{"article":["accounts/reset/"],"reaction":"yes"}"#, 400, "wrong-type"),
        (String(repeating: "x", count: FeedbackLimits.bodyBytes + 10), 413, "body-too-large"),
    ])
    func badInputIsRefusedAndNothingStored(body: String, status: Int, code: String) async throws {
        let harness = try await Self.harness()
        defer { SQLiteFeedbackStoreTests.remove(harness.path) }
        try await FeedbackCollectorServer.makeApplication(harness.collector).test(.router) { client in
            try await client.execute(uri: "/", method: .post, headers: Self.jsonHeaders, body: ByteBuffer(string: body)) { response in
                #expect(response.status.code == status)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                #expect(Self.json(response.body)["error"] == code)
            }
        }
        #expect(try await harness.store.count() == 0)
    }

    @Test(arguments: ["text/plain", "application/jsonx", "application/json-seq", ""])
    func aBodyThatIsNotJSONIsRefused(type: String) async throws {
        let harness = try await Self.harness()
        defer { SQLiteFeedbackStoreTests.remove(harness.path) }
        try await FeedbackCollectorServer.makeApplication(harness.collector).test(.router) { client in
            try await client.execute(
                uri: "/", method: .post, headers: [.contentType: type], body: ByteBuffer(string: #"{"article":"accounts/reset/","reaction":"yes"}"#)
            ) { response in
                #expect(response.status == .unsupportedMediaType)
            }
        }
        #expect(try await harness.store.count() == 0)
    }

    @Test func jsonWithACharsetIsAccepted() async throws {
        let harness = try await Self.harness()
        defer { SQLiteFeedbackStoreTests.remove(harness.path) }
        try await FeedbackCollectorServer.makeApplication(harness.collector).test(.router) { client in
            try await client.execute(
                uri: "/", method: .post, headers: [.contentType: "Application/JSON ; charset=utf-8"],
                body: ByteBuffer(string: #"{"article":"accounts/reset/","reaction":"yes"}"#)
            ) { response in
                #expect(response.status == .created)
            }
        }
        #expect(try await harness.store.count() == 1)
    }

    @Test func onlyTheAllowedOriginPassesCORS() async throws {
        let harness = try await Self.harness()
        defer { SQLiteFeedbackStoreTests.remove(harness.path) }
        try await FeedbackCollectorServer.makeApplication(harness.collector).test(.router) { client in
            try await client.execute(uri: "/", method: .options, headers: [.origin: Self.origin, .accessControlRequestMethod: "POST"]) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowOrigin] == Self.origin)
                #expect(response.headers[.accessControlAllowHeaders] == "Content-Type")
            }
            try await client.execute(uri: "/", method: .options, headers: [.origin: "https://evil.example"]) { response in
                #expect(response.status == .forbidden)
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
            var headers = Self.jsonHeaders
            headers[.origin] = "https://evil.example"
            let body = #"{"article":"accounts/reset/","reaction":"yes"}"#
            try await client.execute(uri: "/", method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .forbidden)
            }
            headers[.origin] = Self.origin
            try await client.execute(uri: "/", method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .created)
                #expect(response.headers[.accessControlAllowOrigin] == Self.origin)
            }
        }
        #expect(try await harness.store.count() == 1)
    }

    @Test func repeatedVotesFromOneAddressAreLimited() async throws {
        let harness = try await Self.harness(votesPerMinute: 3)
        defer { SQLiteFeedbackStoreTests.remove(harness.path) }
        let statuses = try await FeedbackCollectorServer.makeApplication(harness.collector).test(.router) { client in
            var statuses: [Int] = []
            for _ in 0..<5 {
                let body = #"{"article":"accounts/close/","reaction":"yes"}"#
                let status = try await client.execute(uri: "/", method: .post, headers: Self.jsonHeaders, body: ByteBuffer(string: body)) { response in
                    if response.status == .tooManyRequests { #expect(response.headers[.retryAfter] != nil) }
                    return Int(response.status.code)
                }
                statuses.append(status)
            }
            return statuses
        }
        #expect(statuses == [201, 201, 201, 429, 429])
        #expect(try await harness.store.count() == 3)
    }

    /// Behind a trusted proxy (here the test's own loopback peer), the client is the last entry
    /// of every `X-Forwarded-For` line: the one the proxy added. A client that sends lines of
    /// its own first cannot choose its key, and a value that is no address (one that stopped
    /// the collector) counts as the proxy.
    @Test func behindATrustedProxyTheClientCannotChooseItsAddress() async throws {
        let path = SQLiteFeedbackStoreTests.temporaryFile()
        defer { SQLiteFeedbackStoreTests.remove(path) }
        let store = try await SQLiteFeedbackStore(path: path)
        let collector = FeedbackCollector(
            catalog: Self.catalog, store: store,
            options: CollectorOptions(port: 0, allowedOrigins: [Self.origin + "/"], votesPerMinute: 3, trustedProxies: ["127.0.0.1"]))
        let forwardedFor = try #require(HTTPField.Name("X-Forwarded-For"))
        let body = #"{"article":"accounts/close/","reaction":"yes"}"#
        let statuses = try await FeedbackCollectorServer.makeApplication(collector).test(.live) { client in
            var statuses: [Int] = []
            for index in 0..<5 {
                var headers = Self.jsonHeaders
                headers.append(HTTPField(name: forwardedFor, value: "10.0.0.\(index), 10.0.1.\(index)"))
                headers.append(HTTPField(name: forwardedFor, value: "192.0.2.9"))
                statuses.append(
                    try await client.execute(uri: "/", method: .post, headers: headers, body: ByteBuffer(string: body)) { Int($0.status.code) })
            }
            for value in ["1:2:3:4:5:6:7:8:9::", "192.0.2.10, not an address"] {
                var headers = Self.jsonHeaders
                headers[forwardedFor] = value
                statuses.append(
                    try await client.execute(uri: "/", method: .post, headers: headers, body: ByteBuffer(string: body)) { Int($0.status.code) })
            }
            return statuses
        }
        #expect(statuses == [201, 201, 201, 429, 429, 201, 201])
        #expect(try await store.count() == 5)
    }

    @Test func aCommentIsAddedToTheVoteJustSent() async throws {
        let harness = try await Self.harness()
        defer { SQLiteFeedbackStoreTests.remove(harness.path) }
        try await FeedbackCollectorServer.makeApplication(harness.collector).test(.router) { client in
            let vote = try await client.execute(
                uri: "/", method: .post, headers: Self.jsonHeaders, body: ByteBuffer(string: #"{"article":"accounts/reset/","reaction":"partly"}"#)
            ) { response in Self.json(response.body)["vote"] ?? "" }
            let markup = #"{"article":"accounts/reset/","reaction":"partly","comment":"<img src=x onerror=alert(1)> step 2?","vote":"\#(vote)"}"#
            try await client.execute(uri: "/", method: .post, headers: Self.jsonHeaders, body: ByteBuffer(string: markup)) { response in
                #expect(response.status == .badRequest)
                #expect(Self.json(response.body)["error"] == "markup-in-comment")
            }
            let comment =
                #"{"article":"accounts/reset/","reaction":"partly","comment":"Step 2 & 3 say Save, but the button reads Done (a < b)","vote":"\#(vote)"}"#
            try await client.execute(uri: "/", method: .post, headers: Self.jsonHeaders, body: ByteBuffer(string: comment)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/", method: .post, headers: Self.jsonHeaders, body: ByteBuffer(string: comment)) { response in
                #expect(response.status == .notFound)
            }
        }
        #expect(try await harness.store.count() == 1)
        #expect(try await harness.store.latestComments(since: nil, perArticle: 5).map(\.comment) == ["Step 2 & 3 say Save, but the button reads Done (a < b)"])
    }

    struct UnavailableStore: FeedbackStore {
        func record(_ votes: [FeedbackVote]) async throws { throw FeedbackStoreError("down") }
        func addComment(_ comment: String, toVote id: String, article: String, answer: FeedbackAnswer, notBefore: Int64) async throws -> Bool {
            throw FeedbackStoreError("down")
        }
        func voteCounts(since: Int64?) async throws -> [VoteCount] { [] }
        func latestComments(since: Int64?, perArticle: Int) async throws -> [VoteComment] { [] }
        func count() async throws -> Int { 0 }
        func schemaVersion() async throws -> Int { 1 }
    }

    @Test func aStoreThatFailsGives503() async throws {
        let collector = FeedbackCollector(catalog: Self.catalog, store: UnavailableStore(), options: CollectorOptions(votesPerMinute: 0))
        try await FeedbackCollectorServer.makeApplication(collector).test(.router) { client in
            let body = #"{"article":"accounts/reset/","reaction":"yes"}"#
            try await client.execute(uri: "/", method: .post, headers: Self.jsonHeaders, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(Self.json(response.body)["error"] == "storage-unavailable")
            }
        }
    }
}
