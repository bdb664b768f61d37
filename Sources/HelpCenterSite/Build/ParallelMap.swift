import Foundation

/// Runs `transform` over `items` on all cores and returns the results in the items' order.
func parallelMap<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Result) -> [Result] {
    let buffer = ResultBuffer<Result>(count: items.count)
    items.withUnsafeBufferPointer { pointer in
        let source = UncheckedSendable(pointer)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            buffer.store(transform(source.value[index]), at: index)
        }
    }
    return buffer.results()
}

private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Each slot is written by exactly one iteration and read only after all have finished.
private final class ResultBuffer<Result>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Result?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = UnsafeMutablePointer<Result?>.allocate(capacity: max(count, 1))
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func store(_ result: Result, at index: Int) {
        slots[index] = result
    }

    func results() -> [Result] {
        (0..<count).map { index in
            guard let slot = slots[index] else { preconditionFailure("parallelMap: an iteration produced no result") }
            return slot
        }
    }
}
