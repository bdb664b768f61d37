import Foundation
import Testing

@testable import HelpCenterFeedback

@Suite struct SQLiteFeedbackStoreTests {
    static func temporaryFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("feedback-\(UUID().uuidString).sqlite").path
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    @Test func storesAndCountsVotes() async throws {
        let path = Self.temporaryFile()
        defer { Self.remove(path) }
        try await FeedbackStoreContract.storesAndCountsVotes(SQLiteFeedbackStore(path: path))
    }

    @Test func refusesABatchWhole() async throws {
        let path = Self.temporaryFile()
        defer { Self.remove(path) }
        try await FeedbackStoreContract.refusesABatchWhole(SQLiteFeedbackStore(path: path))
    }

    @Test func storesTheLongestCommentTheCollectorAccepts() async throws {
        let path = Self.temporaryFile()
        defer { Self.remove(path) }
        try await FeedbackStoreContract.storesTheLongestCommentTheCollectorAccepts(SQLiteFeedbackStore(path: path))
    }

    @Test func addsACommentOnceToTheRightVote() async throws {
        let path = Self.temporaryFile()
        defer { Self.remove(path) }
        try await FeedbackStoreContract.addsACommentOnceToTheRightVote(SQLiteFeedbackStore(path: path))
    }

    @Test func reopeningKeepsTheVotesAndMigratesOnce() async throws {
        let path = Self.temporaryFile()
        defer { Self.remove(path) }
        do {
            let store = try await SQLiteFeedbackStore(path: path)
            try await store.record([FeedbackStoreContract.vote("a/", .yes, at: 1)])
        }
        let again = try await SQLiteFeedbackStore(path: path)
        #expect(try await again.count() == 1)
        #expect(try await again.schemaVersion() == FeedbackMigrations.latestVersion)
    }

    @Test func theFileIsInWALModeWithFullSync() async throws {
        let path = Self.temporaryFile()
        defer { Self.remove(path) }
        let settings = try await SQLiteFeedbackStore(path: path).durabilitySettings()
        #expect(settings.journalMode == "wal")
        #expect(settings.synchronous == 2)
    }

    @Test func aDatabaseFromANewerProgramIsRefused() async throws {
        #expect(throws: FeedbackSchemaError.self) { try FeedbackMigrations.pending(after: FeedbackMigrations.latestVersion + 1) }
        #expect(try FeedbackMigrations.pending(after: 0).map(\.version) == FeedbackMigrations.steps.map(\.version))
    }
}
