extension FeedbackDatabase {
    /// Opens the store and applies the pending migrations.
    public func open() async throws -> any FeedbackStore {
        switch self {
        case .sqlite(let path): try await SQLiteFeedbackStore(path: path)
        case .postgres(let location): try await PostgresFeedbackStore(location)
        }
    }
}
