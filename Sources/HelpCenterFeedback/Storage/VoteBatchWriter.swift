import Synchronization

/// Group commit: votes that arrive while a transaction is being written wait together and go
/// into the next one. One writer at a time; each caller returns only once its own vote's
/// transaction has committed (or failed), so "acknowledged" still means "on disk". With SQLite
/// this is what takes the collector past 5,000 votes/s: one fsync per batch instead of one per
/// vote (docs/feedback.md: Throughput).
public final class VoteBatchWriter: Sendable {
    private struct Waiting {
        var vote: FeedbackVote
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var waiting: [Waiting] = []
        var writing = false
    }

    public let store: any FeedbackStore
    private let maximumBatch: Int
    private let state = Mutex(State())

    public init(store: any FeedbackStore, maximumBatch: Int = 2_000) {
        self.store = store
        self.maximumBatch = maximumBatch
    }

    /// Returns once the vote is committed; throws the store's error otherwise.
    public func write(_ vote: FeedbackVote) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let startsWriter = state.withLock { state in
                state.waiting.append(Waiting(vote: vote, continuation: continuation))
                if state.writing { return false }
                state.writing = true
                return true
            }
            if startsWriter {
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while true {
            let batch: [Waiting] = state.withLock { state in
                guard !state.waiting.isEmpty else {
                    state.writing = false
                    return []
                }
                let count = min(state.waiting.count, maximumBatch)
                let batch = Array(state.waiting.prefix(count))
                state.waiting.removeFirst(count)
                return batch
            }
            if batch.isEmpty { return }
            do {
                try await store.record(batch.map(\.vote))
                for waiting in batch { waiting.continuation.resume() }
            } catch {
                for waiting in batch { waiting.continuation.resume(throwing: error) }
            }
        }
    }
}
