import Foundation
import HelpCenterSite
import Synchronization

/// A staged site kept in memory: what a build writes becomes visible in `files` only when the
/// publisher publishes it (tests, and anything that serves a site from memory).
public final class InMemoryStagedSite: SiteOutput, StagedSite {
    private let staged = InMemorySiteOutput()
    private let published = Mutex<[String: Data]>([:])

    public init() {}

    public func write(_ path: String, _ data: Data) throws {
        try staged.write(path, data)
    }

    public func publish() throws {
        let files = staged.files
        published.withLock { $0 = files }
    }

    public func discard() {
        staged.discard()
    }

    /// The published site: output path → bytes (empty until a build is published).
    public var files: [String: Data] { published.withLock { $0 } }

    public func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }
}
