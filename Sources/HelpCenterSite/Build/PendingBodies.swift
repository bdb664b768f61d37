import Synchronization

/// The Markdown bodies the build's first pass read but did not render (articles with a
/// description need nothing from their body to order the site), kept for the second pass so
/// that every file is read and decoded once. The second pass takes each body as it renders
/// the article's page, which frees it: the texts are held together only between the passes.
final class PendingBodies: Sendable {
    private let bodies: Mutex<[String: SplitSource]>

    /// Bodies by source path.
    init(_ bodies: [String: SplitSource]) {
        self.bodies = Mutex(bodies)
    }

    /// The body of the page at `sourcePath`, removed from the store; nil when there is none.
    func take(_ sourcePath: String) -> SplitSource? {
        bodies.withLock { $0.removeValue(forKey: sourcePath) }
    }
}
