import Dispatch
import Synchronization

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `items.map(transform)`, with the items transformed on all cores; the results keep the
/// items' order. The one parallel map of the program: the build renders articles with it and
/// the checker reads and replays scenario files.
@inlinable
public func parallelMap<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Result) -> [Result] {
    parallelMap(items, workerState: {}, { _, item in transform(item) }).results
}

/// `items.map(transform)` on all cores, where each worker (one per processor the process may use,
/// `ProcessInfo.activeProcessorCount`) carries a state of its own from one item to the next, and
/// the workers' states are returned with the results (in no particular order). Work that
/// collects across items (the search index's postings) keeps its tables in a worker's state:
/// written by one core only, they stay in that core's cache. Shared between cores behind locks,
/// the same tables' cache lines moved from core to core on nearly every write: perf counted the
/// postings at 876 samples on two cores, 338 on one, and 258 on two with a state per worker
/// (docs/search.md, "The build").
///
/// Safe code only: workers take the next item from a shared counter and store each result in
/// its slot under one lock shared by all slots. The items are coarse (a file, an article, a
/// slice of scenarios: microseconds to milliseconds each), so the lock costs nothing measurable
/// (an uncontended `Mutex` is a few tens of nanoseconds). Inlinable, so that each caller gets it
/// compiled for its own types: unspecialized, it looked up the result type's metadata at run
/// time for every item (a tuple result cost the 10,000-article build about 2 s of CPU in the
/// runtime's type cache and in malloc).
@inlinable
public func parallelMap<Item: Sendable, Result: Sendable, State: Sendable>(
    _ items: [Item], workerState makeState: @Sendable () -> State, _ transform: @Sendable (inout State, Item) -> Result
) -> (results: [Result], states: [State]) {
    let workers = min(items.count, ProcessInfo.processInfo.activeProcessorCount)
    guard workers > 1 else {
        var state = makeState()
        let results = items.map { transform(&state, $0) }
        return (results, [state])
    }
    let next = Atomic<Int>(0)
    let slots = Mutex<[Result?]>(Array(repeating: nil, count: items.count))
    let states = Mutex<[State]>([])
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        var state = makeState()
        while true {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard index < items.count else { break }
            var result: Result? = transform(&state, items[index])
            slots.withLock { $0[index] = result.take() }
        }
        var finished: State? = state
        states.withLock { $0.append(finished.take()!) }
    }
    // Results are moved, never copied: into their slot, then out of it (`take()`). Copying a
    // result and destroying the original retained and released every string in it, about 1 %
    // of the 10,000-article build's CPU for its page records (perf, docs/generator.md).
    var results = slots.withLock { slots in
        var taken: [Result?] = []
        swap(&taken, &slots)
        return taken
    }
    let ordered = results.indices.map { index in
        guard let result = results[index].take() else { preconditionFailure("parallelMap: an iteration produced no result") }
        return result
    }
    return (
        ordered,
        states.withLock { states in
            var taken: [State] = []
            swap(&taken, &states)
            return taken
        }
    )
}
