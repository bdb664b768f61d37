import Synchronization
import Testing

@testable import HelpCenterConcurrency

@Suite struct ParallelMapTests {
    @Test func resultsKeepTheItemsOrder() {
        let items = Array(0..<5_000)
        #expect(parallelMap(items) { $0 * 3 } == items.map { $0 * 3 })
        #expect(parallelMap([7]) { $0 + 1 } == [8])
        #expect(parallelMap([Int]()) { $0 }.isEmpty)
    }

    /// Each item goes to exactly one worker, whose state sees it; every worker's state comes back.
    @Test func eachWorkersStateSeesItsItemsAndComesBack() {
        let items = Array(0..<5_000)
        let made = Mutex(0)
        let (results, states) = parallelMap(
            items,
            workerState: { () -> [Int] in
                made.withLock { $0 += 1 }
                return []
            },
            { seen, item in
                seen.append(item)
                return item * 2
            })
        #expect(results == items.map { $0 * 2 })
        #expect(states.count == made.withLock { $0 })
        #expect(states.count >= 1)
        #expect(states.flatMap { $0 }.sorted() == items)
    }

    @Test func oneItemOrNoneGivesOneState() {
        let (results, states) = parallelMap(
            [4], workerState: { 10 },
            { state, item in
                state += item
                return state
            })
        #expect(results == [14] && states == [14])
        let (none, emptyStates) = parallelMap([Int](), workerState: { 0 }, { _, item in item })
        #expect(none.isEmpty && emptyStates == [0])
    }
}
