import Foundation
import Logging
import PostgresNIO
import Testing

@testable import HelpCenterFeedback

/// Against the server in HELPCENTER_TEST_POSTGRES_URL (scripts/postgres-test-cluster.sh, which
/// scripts/test.sh and .ci/run start); each test in a database of its own.
@Suite(
    .enabled(
        if: TestPostgresServer.url != nil,
        "SKIPPED: HELPCENTER_TEST_POSTGRES_URL is not set, so the PostgreSQL tests did not run (scripts/test.sh starts a server and sets it)"))
struct PostgresFeedbackStoreTests {
    static var serverURL: String? { TestPostgresServer.url }

    /// A new, empty database on the test server.
    static func freshDatabase() async throws -> FeedbackDatabase.PostgresLocation {
        guard let url = serverURL, case .postgres(var location) = try FeedbackDatabase(url) else {
            throw FeedbackStoreError("HELPCENTER_TEST_POSTGRES_URL is not a postgres:// URL")
        }
        let name = "feedback_test_\(VoteIdentifier.make().prefix(12))"
        let client = PostgresClient(
            configuration: .init(
                host: location.host, port: location.port, username: location.user, password: location.password, database: location.database, tls: .disable),
            backgroundLogger: Logger(label: "test"))
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { await client.run() }
            try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
            group.cancelAll()
        }
        location.database = name
        return location
    }

    @Test func storesAndCountsVotes() async throws {
        let store = try await PostgresFeedbackStore(Self.freshDatabase())
        defer { store.shutdown() }
        try await FeedbackStoreContract.storesAndCountsVotes(store)
    }

    @Test func refusesABatchWhole() async throws {
        let store = try await PostgresFeedbackStore(Self.freshDatabase())
        defer { store.shutdown() }
        try await FeedbackStoreContract.refusesABatchWhole(store)
    }

    @Test func storesTheLongestCommentTheCollectorAccepts() async throws {
        let store = try await PostgresFeedbackStore(Self.freshDatabase())
        defer { store.shutdown() }
        try await FeedbackStoreContract.storesTheLongestCommentTheCollectorAccepts(store)
    }

    @Test func addsACommentOnceToTheRightVote() async throws {
        let store = try await PostgresFeedbackStore(Self.freshDatabase())
        defer { store.shutdown() }
        try await FeedbackStoreContract.addsACommentOnceToTheRightVote(store)
    }

    @Test func collectorsStartingTogetherMigrateOnce() async throws {
        let location = try await Self.freshDatabase()
        let stores = try await withThrowingTaskGroup(of: PostgresFeedbackStore.self) { group in
            for _ in 0..<4 { group.addTask { try await PostgresFeedbackStore(location) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        defer { for store in stores { store.shutdown() } }
        try await stores[0].record([FeedbackStoreContract.vote("a/", .yes, at: 1)])
        for store in stores {
            #expect(try await store.count() == 1)
            #expect(try await store.schemaVersion() == FeedbackMigrations.latestVersion)
        }
    }

    @Test func anUnreachableServerFailsInsteadOfWaiting() async throws {
        var location = try await Self.freshDatabase()
        location.port = 1
        let started = ContinuousClock.now
        await #expect(throws: (any Error).self) { _ = try await PostgresFeedbackStore(location, deadline: .milliseconds(300)) }
        #expect(ContinuousClock.now - started < .seconds(10))
    }
}

/// The server the PostgreSQL tests use, from the environment.
enum TestPostgresServer {
    static let url = ProcessInfo.processInfo.environment["HELPCENTER_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
}
