import Foundation
import HelpCenterDiagnostics

/// A message from the preview server to the open pages, sent as a Server-Sent Event.
public enum LiveReloadEvent: Sendable, Equatable {
    /// A rebuild changed pages: reload if this page is among them (or when `everyPage`).
    case reload(LiveReloadPages)
    /// Only stylesheets changed: swap them without reloading.
    case stylesheets(version: String, paths: [String])
    /// The last rebuild failed: show these diagnostics over the (last good) page.
    case errors(version: String, diagnostics: [OverlayDiagnostic])
    /// The site builds: hide the overlay. Sent on connect as well.
    case ok(version: String)
    /// A comment that keeps idle connections (and proxies) from timing out.
    case keepAlive

    /// The event in the `text/event-stream` format.
    public var serverSentEvent: String {
        switch self {
        case .reload(let pages): Self.format("reload", pages)
        case .stylesheets(let version, let paths): Self.format("css", StylesheetPayload(version: version, paths: paths))
        case .errors(let version, let diagnostics): Self.format("errors", ErrorsPayload(version: version, diagnostics: diagnostics))
        case .ok(let version): Self.format("ok", VersionPayload(version: version))
        case .keepAlive: ": keep-alive\n\n"
        }
    }

    /// The first bytes of every stream: how long the browser waits before reconnecting.
    public static let streamPrelude = "retry: 1000\n\n"

    private static func format(_ name: String, _ payload: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // The payloads hold only strings and numbers: encoding cannot fail.
        let data = (try? encoder.encode(payload)) ?? Data("{}".utf8)
        return "event: \(name)\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
    }

    private struct StylesheetPayload: Encodable {
        var version: String
        var paths: [String]
    }
    private struct ErrorsPayload: Encodable {
        var version: String
        var diagnostics: [OverlayDiagnostic]
    }
    private struct VersionPayload: Encodable { var version: String }
}

/// What a successful rebuild changed, as URL paths: pages (`/collection/article/`) and the
/// other files pages load (`/search/index/manifest.js`, `/collection/images/a.png`). A page
/// reloads when it is listed or loads a listed file.
public struct LiveReloadPages: Sendable, Equatable, Encodable {
    public var version: String
    public var pages: [String]
    public var resources: [String]
    /// Too many changes to list: every open page reloads.
    public var everyPage: Bool

    /// At most this many paths are listed; more means `everyPage`.
    public static let listLimit = 1000

    public init(version: String, changedPaths: [String], removedPaths: [String]) {
        self.version = version
        var pages: [String] = []
        var resources: [String] = []
        for path in changedPaths + removedPaths {
            if path.hasSuffix(".html") {
                pages.append(Self.urlPath(ofPage: path))
            } else if !Self.pageIndependentExtensions.contains(where: { path.hasSuffix($0) }) {
                resources.append("/" + path)
            }
        }
        everyPage = pages.count + resources.count > Self.listLimit
        self.pages = everyPage ? [] : pages
        self.resources = everyPage ? [] : resources
    }

    /// Files no page loads (the sitemap): their changes reload nothing by themselves.
    private static let pageIndependentExtensions = [".xml", ".txt"]

    /// `collection/article/index.html` → `/collection/article/`; `404.html` → `/404.html`.
    static func urlPath(ofPage path: String) -> String {
        if path == "index.html" { return "/" }
        if path.hasSuffix("/index.html") { return "/" + path.dropLast("index.html".count) }
        return "/" + path
    }
}

/// A diagnostic as the overlay shows it.
public struct OverlayDiagnostic: Sendable, Equatable, Codable {
    public var path: String
    public var line: Int
    public var column: Int
    public var severity: String
    public var message: String
    public var id: String?

    public init(_ diagnostic: Diagnostic) {
        path = diagnostic.location.path
        line = diagnostic.location.line
        column = diagnostic.location.column
        severity = diagnostic.severity.rawValue
        message = diagnostic.message
        id = diagnostic.id
    }
}
