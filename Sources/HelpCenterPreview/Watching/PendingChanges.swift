import Foundation
import HelpCenterSite

/// The changes waiting for the next rebuild. Watchers add to it from their threads; the
/// rebuild loop waits for a quiet moment (the debounce), then takes everything at once, so
/// that a burst of saves, or changes made during a rebuild, become one rebuild.
public final class PendingChanges: @unchecked Sendable {
    /// One rebuild's worth of changes.
    public struct Batch: Sendable, Equatable {
        public var changes: Set<SiteInputChange>
        /// Rebuild everything (the watcher lost track).
        public var everything: Bool
        /// When the first change of the batch was seen (for save-to-reload measurements).
        public var firstSeen: ContinuousClock.Instant
    }

    private let lock = NSLock()
    private var changes: Set<SiteInputChange> = []
    private var everything = false
    private var firstSeen: ContinuousClock.Instant?
    private var lastSeen: ContinuousClock.Instant?
    private var waiter: CheckedContinuation<Void, Never>?

    public init() {}

    public func add(_ event: InputWatchEvent) {
        lock.lock()
        switch event {
        case .changed(let new):
            guard !new.isEmpty else { lock.unlock(); return }
            changes.formUnion(new)
        case .lostTrack:
            everything = true
        }
        let now = ContinuousClock.now
        if firstSeen == nil { firstSeen = now }
        lastSeen = now
        let waiting = waiter
        waiter = nil
        lock.unlock()
        waiting?.resume()
    }

    private var hasChanges: Bool { !changes.isEmpty || everything }

    /// Waits until there are changes and none has arrived for `quietPeriod`; nil when cancelled.
    public func nextBatch(quietPeriod: Duration) async -> Batch? {
        await waitForChanges()
        while !Task.isCancelled {
            let remaining: Duration? = lock.withLock {
                guard let lastSeen else { return nil }
                let quiet = ContinuousClock.now - lastSeen
                return quiet >= quietPeriod ? nil : quietPeriod - quiet
            }
            guard let remaining else { break }
            try? await Task.sleep(for: remaining)
        }
        if Task.isCancelled { return nil }
        return lock.withLock {
            guard hasChanges, let firstSeen else { return nil }
            let batch = Batch(changes: changes, everything: everything, firstSeen: firstSeen)
            changes = []
            everything = false
            self.firstSeen = nil
            lastSeen = nil
            return batch
        }
    }

    private func waitForChanges() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                lock.lock()
                if hasChanges || Task.isCancelled {
                    lock.unlock()
                    continuation.resume()
                    return
                }
                waiter = continuation
                lock.unlock()
            }
        } onCancel: {
            let waiting = lock.withLock {
                let waiting = waiter
                waiter = nil
                return waiting
            }
            waiting?.resume()
        }
    }
}
