import Foundation
import Hummingbird
import Synchronization

/// One file as the preview serves it: the bytes (pages carry the live-reload script), the
/// media type and the entity tag of exactly those bytes.
public struct ServedFile: Sendable {
    public var body: ByteBuffer
    public var mediaType: String
    public var entityTag: String

    /// Prepares a site file for serving; HTML pages get the live-reload script.
    public init(path: String, data: Data) {
        mediaType = ServedMediaType.forPath(path)
        let bytes = ServedMediaType.isHTML(mediaType) ? LiveReloadInjector.inject(into: [UInt8](data)) : [UInt8](data)
        body = ByteBuffer(bytes: bytes)
        entityTag = EntityTag.of(bytes)
    }
}

/// The site as the server answers from it: an immutable snapshot, replaced as a whole after
/// each successful rebuild (requests in flight keep the snapshot they started with).
public struct ServedSite: Sendable {
    public private(set) var files: [String: ServedFile]

    public init(files: [String: Data]) {
        var served: [String: ServedFile] = [:]
        served.reserveCapacity(files.count)
        for (path, data) in files { served[path] = ServedFile(path: path, data: data) }
        self.files = served
    }

    /// The snapshot after a rebuild: only the changed and removed paths are prepared again.
    public func updated(changed: [String], removed: [String], from files: [String: Data]) -> ServedSite {
        var copy = self
        for path in removed { copy.files[path] = nil }
        for path in changed {
            copy.files[path] = files[path].map { ServedFile(path: path, data: $0) }
        }
        return copy
    }

    /// The page for unknown paths: the site's `404.html`, or a minimal page (which still
    /// carries the live-reload script, so errors show and the page recovers by itself).
    public var notFoundPage: ServedFile {
        files["404.html"] ?? Self.fallbackNotFound
    }

    static let fallbackNotFound = ServedFile(
        path: "404.html",
        data: Data(
            """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>
            <body><h1>Not found</h1><p>This site has no page here (and no 404 page of its own yet).</p></body></html>

            """.utf8))
}

/// The current snapshot, shared by the request handlers and the rebuild loop.
public final class ServedSiteStore: Sendable {
    private let site: Mutex<ServedSite>

    public init(_ site: ServedSite) {
        self.site = Mutex(site)
    }

    public var current: ServedSite {
        site.withLock { $0 }
    }

    public func replace(_ newSite: ServedSite) {
        site.withLock { $0 = newSite }
    }
}
