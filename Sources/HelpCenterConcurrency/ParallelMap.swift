import Dispatch
import Synchronization

/// `items.map(transform)`, with the items transformed on all cores; the results keep the
/// items' order. The one parallel map of the program: the build renders articles with it and
/// the checker reads and replays scenario files.
///
/// Safe code only: each result is stored in its slot under one lock shared by all slots. The items are
/// coarse (a file, an article, a slice of scenarios: microseconds to milliseconds each), so
/// the lock costs nothing measurable (an uncontended `Mutex` is a few tens of nanoseconds).
/// Inlinable, so that each caller gets it compiled for its own types: unspecialized, it looked
/// up the result type's metadata at run time for every item (a tuple result cost the 10,000-
/// article build about 2 s of CPU in the runtime's type cache and in malloc).
@inlinable
public func parallelMap<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Result) -> [Result] {
    guard items.count > 1 else { return items.map(transform) }
    let slots = Mutex<[Result?]>(Array(repeating: nil, count: items.count))
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        var result: Result? = transform(items[index])
        slots.withLock { $0[index] = result.take() }
    }
    // Results are moved, never copied: into their slot, then out of it (`take()`). Copying a
    // result and destroying the original retained and released every string in it, about 1 %
    // of the 10,000-article build's CPU for its page records (perf, docs/generator.md).
    var results = slots.withLock { slots in
        var taken: [Result?] = []
        swap(&taken, &slots)
        return taken
    }
    return results.indices.map { index in
        guard let result = results[index].take() else { preconditionFailure("parallelMap: an iteration produced no result") }
        return result
    }
}
