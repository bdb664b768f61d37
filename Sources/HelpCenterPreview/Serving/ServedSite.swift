import Foundation
import HelpCenterTemplates
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
    /// The drafts the build left out, by the site path each would have, to their display paths
    /// (`SiteSession.draftPages`): their addresses get a 404 that says so.
    public private(set) var drafts: [String: String]

    public init(files: [String: Data], drafts: [String: String] = [:]) {
        var served: [String: ServedFile] = [:]
        served.reserveCapacity(files.count)
        for (path, data) in files { served[path] = ServedFile(path: path, data: data) }
        self.files = served
        self.drafts = drafts
    }

    /// The snapshot after a rebuild: only the changed and removed paths are prepared again.
    public func updated(changed: [String], removed: [String], from files: [String: Data], drafts: [String: String]) -> ServedSite {
        var copy = self
        for path in removed { copy.files[path] = nil }
        for path in changed {
            copy.files[path] = files[path].map { ServedFile(path: path, data: $0) }
        }
        copy.drafts = drafts
        return copy
    }

    /// The draft (its display path) whose page would be at the request's path: `/guides/x/`,
    /// `/guides/x`, `/guides/x/index.html`, or `/guides/x.html` with the `files` layout.
    public func draft(at requestPath: String) -> String? {
        guard !drafts.isEmpty else { return nil }
        let decoded = requestPath.removingPercentEncoding ?? requestPath
        var path = decoded.hasPrefix("/") ? String(decoded.dropFirst()) : decoded
        if path.hasSuffix("/index.html") { path.removeLast("index.html".count) }
        return drafts[path] ?? (path.hasSuffix("/") ? nil : drafts[path + "/"])
    }

    /// The site's 404 page with a note that the address is a draft's, left out of the preview.
    public func draftNotFoundPage(for source: String) -> ServedFile {
        let note =
            "<aside role=\"note\" style=\"position: fixed; inset: auto 1rem 1rem 1rem; z-index: 2147483646; margin: 0 auto; max-width: 44rem; padding: .75rem 1rem; font: 15px/1.5 system-ui, sans-serif; color: #1b1b1b; background: #fff7d6; border: 2px solid #8a6d00; border-radius: 6px\">"
            + "<strong>Draft.</strong> This address is the page of <code>\(HTMLEscaping.escape(source))</code>, which has <code>draft: true</code>: "
            + "the preview leaves drafts out. Start it with <code style=\"white-space: nowrap\">helpcenter serve --drafts</code> to see them.</aside>"
        var page = notFoundPage
        let bytes = LiveReloadInjector.insertBeforeBodyEnd(Array(note.utf8), into: Array(page.body.readableBytesView))
        page.body = ByteBuffer(bytes: bytes)
        page.entityTag = EntityTag.of(bytes)
        return page
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
