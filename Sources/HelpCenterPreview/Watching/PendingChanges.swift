import Foundation
import HelpCenterSite
import Synchronization

/// The changes waiting for the next rebuild. Watchers add to it from their threads; the
/// rebuild loop waits for a quiet moment (the debounce), then takes everything at once, so
/// that a burst of saves, or changes made during a rebuild, become one rebuild.
public final class PendingChanges: Sendable {
    /// One rebuild's worth of changes.
    public struct Batch: Sendable, Equatable {
        public var changes: Set<SiteInputChange>
        /// Rebuild everything (the watcher lost track).
        public var everything: Bool
        /// When the first change of the batch was seen (for save-to-reload measurements).
        public var firstSeen: ContinuousClock.Instant
    }

    private struct State {
        var changes: Set<SiteInputChange> = []
        var everything = false
        var firstSeen: ContinuousClock.Instant?
        var lastSeen: ContinuousClock.Instant?
        var waiter: CheckedContinuation<Void, Never>?

        var hasChanges: Bool { !changes.isEmpty || everything }

        mutating func takeWaiter() -> CheckedContinuation<Void, Never>? {
            defer { waiter = nil }
            return waiter
        }
    }

    private let state = Mutex(State())

    public init() {}

    public func add(_ event: InputWatchEvent) {
        let waiting: CheckedContinuation<Void, Never>? = state.withLock { state in
            switch event {
            case .changed(let new):
                guard !new.isEmpty else { return nil }
                state.changes.formUnion(new)
            case .lostTrack:
                state.everything = true
            }
            let now = ContinuousClock.now
            if state.firstSeen == nil { state.firstSeen = now }
            state.lastSeen = now
            return state.takeWaiter()
        }
        waiting?.resume()
    }

    /// Waits until there are changes and none has arrived for `quietPeriod`; nil when cancelled.
    public func nextBatch(quietPeriod: Duration) async -> Batch? {
        await waitForChanges()
        while !Task.isCancelled {
            let remaining: Duration? = state.withLock { state in
                guard let lastSeen = state.lastSeen else { return nil }
                let quiet = ContinuousClock.now - lastSeen
                return quiet >= quietPeriod ? nil : quietPeriod - quiet
            }
            guard let remaining else { break }
            try? await Task.sleep(for: remaining)
        }
        if Task.isCancelled { return nil }
        return state.withLock { state in
            guard state.hasChanges, let firstSeen = state.firstSeen else { return nil }
            let batch = Batch(changes: state.changes, everything: state.everything, firstSeen: firstSeen)
            state.changes = []
            state.everything = false
            state.firstSeen = nil
            state.lastSeen = nil
            return batch
        }
    }

    private func waitForChanges() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { state in
                    if state.hasChanges || Task.isCancelled { return true }
                    state.waiter = continuation
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.takeWaiter() }?.resume()
        }
    }
}
