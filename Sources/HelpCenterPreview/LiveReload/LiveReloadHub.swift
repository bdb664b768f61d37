import Foundation

/// Fans live-reload events out to every open page, and remembers the site's state (building
/// or failing) so that a page that connects later is told at once.
///
/// Thread-safe; `finishAll()` ends every stream (on shutdown, so that the server's graceful
/// shutdown is not held up by connections that never end).
public final class LiveReloadHub: @unchecked Sendable {
    private let lock = NSLock()
    private var subscribers: [Int: AsyncStream<LiveReloadEvent>.Continuation] = [:]
    private var nextSubscriber = 0
    private var state: LiveReloadEvent
    private var finished = false

    /// Events kept per page while it is slow to read; older ones are dropped.
    static let bufferSize = 32

    public init(initialState: LiveReloadEvent) {
        state = initialState
    }

    /// The state a newly opened page is told: `ok` or `errors`.
    public var currentState: LiveReloadEvent {
        lock.withLock { state }
    }

    public var subscriberCount: Int {
        lock.withLock { subscribers.count }
    }

    /// A stream of events for one page, starting with the current state.
    public func subscribe() -> AsyncStream<LiveReloadEvent> {
        let (stream, continuation) = AsyncStream<LiveReloadEvent>.makeStream(bufferingPolicy: .bufferingNewest(Self.bufferSize))
        lock.lock()
        if finished {
            lock.unlock()
            continuation.finish()
            return stream
        }
        let id = nextSubscriber
        nextSubscriber += 1
        subscribers[id] = continuation
        continuation.yield(state)
        lock.unlock()
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            self.lock.withLock { _ = self.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Sends an event to every page; `ok`, `errors` and `reload` also become the state new pages are told.
    public func publish(_ event: LiveReloadEvent) {
        lock.lock()
        switch event {
        case .ok, .errors: state = event
        case .reload(let pages): state = .ok(version: pages.version)
        case .stylesheets(let version, _): state = .ok(version: version)
        case .keepAlive: break
        }
        let targets = Array(subscribers.values)
        lock.unlock()
        for continuation in targets { continuation.yield(event) }
    }

    /// Ends every stream and refuses new ones.
    public func finishAll() {
        lock.lock()
        finished = true
        let targets = Array(subscribers.values)
        subscribers = [:]
        lock.unlock()
        for continuation in targets { continuation.finish() }
    }
}
