import Dispatch

/// `items.map(transform)`, with the items transformed in parallel; the results keep the
/// items' order.
func concurrentMap<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Result) -> [Result] {
    let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: items.count)
    results.initialize(repeating: nil)
    defer {
        _ = results.deinitialize()
        results.deallocate()
    }
    let slots = ResultSlots(buffer: results)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        slots.store(transform(items[index]), at: index)
    }
    return results.map { $0! }
}

/// Result slots that parallel workers fill, each its own index.
private struct ResultSlots<Result>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Result?>

    func store(_ result: Result, at index: Int) {
        buffer[index] = result
    }
}
