import Foundation
import Synchronization

/// Fans live-reload events out to every open page, and remembers the site's state (building
/// or failing) so that a page that connects later is told at once.
///
/// Thread-safe; `finishAll()` ends every stream (on shutdown, so that the server's graceful
/// shutdown is not held up by connections that never end).
public final class LiveReloadHub: Sendable {
    private struct State {
        var subscribers: [Int: AsyncStream<LiveReloadEvent>.Continuation] = [:]
        var nextSubscriber = 0
        var event: LiveReloadEvent
        var finished = false
    }

    private let state: Mutex<State>

    /// Events kept per page while it is slow to read; older ones are dropped.
    static let bufferSize = 32

    public init(initialState: LiveReloadEvent) {
        state = Mutex(State(event: initialState))
    }

    /// The state a newly opened page is told: `ok` or `errors`.
    public var currentState: LiveReloadEvent {
        state.withLock { $0.event }
    }

    public var subscriberCount: Int {
        state.withLock { $0.subscribers.count }
    }

    /// A stream of events for one page, starting with the current state.
    public func subscribe() -> AsyncStream<LiveReloadEvent> {
        let (stream, continuation) = AsyncStream<LiveReloadEvent>.makeStream(bufferingPolicy: .bufferingNewest(Self.bufferSize))
        let id: Int? = state.withLock { state in
            guard !state.finished else { return nil }
            let id = state.nextSubscriber
            state.nextSubscriber += 1
            state.subscribers[id] = continuation
            continuation.yield(state.event)
            return id
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            self.state.withLock { _ = $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Sends an event to every page; `ok`, `errors` and `reload` also become the state new pages are told.
    public func publish(_ event: LiveReloadEvent) {
        let targets = state.withLock { state in
            switch event {
            case .ok, .errors: state.event = event
            case .reload(let pages): state.event = .ok(version: pages.version)
            case .stylesheets(let version, _): state.event = .ok(version: version)
            case .keepAlive: break
            }
            return Array(state.subscribers.values)
        }
        for continuation in targets { continuation.yield(event) }
    }

    /// Ends every stream and refuses new ones.
    public func finishAll() {
        let targets = state.withLock { state in
            state.finished = true
            let targets = Array(state.subscribers.values)
            state.subscribers = [:]
            return targets
        }
        for continuation in targets { continuation.finish() }
    }
}
