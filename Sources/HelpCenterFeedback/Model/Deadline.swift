/// Runs `operation`, or throws `timeout()` when it has not finished within `limit` (it is then
/// cancelled). The PostgreSQL store bounds each query with it, and the collector the arrival of
/// a request's body.
func withDeadline<Result: Sendable>(
    _ limit: Duration, orThrow timeout: @autoclosure () -> any Error, _ operation: @escaping @Sendable () async throws -> Result
) async throws -> Result {
    try await withThrowingTaskGroup(of: Result?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let result = first else { throw timeout() }
        return result
    }
}
