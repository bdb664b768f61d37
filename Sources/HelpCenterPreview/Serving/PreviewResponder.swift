import Foundation
import Hummingbird

/// Answers every request of the preview: the site's files from memory (with pretty URLs,
/// entity tags and the site's 404 page), the live-reload script and its event stream.
///
/// Only GET and HEAD are served (405 otherwise). A path that is malformed or tries to leave
/// the site is refused with 400 (see `SitePathResolver`).
public struct PreviewResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    public let store: ServedSiteStore
    public let hub: LiveReloadHub
    /// Log one line per request (`--verbose`).
    public var logsRequests: Bool
    /// The readers' scores, when a feedback database is configured.
    public var scores: FeedbackScoreBoard?
    /// The `Host` headers answered (others get 403: DNS rebinding).
    public var hostCheck: PreviewHostCheck

    public init(
        store: ServedSiteStore, hub: LiveReloadHub, logsRequests: Bool = false, scores: FeedbackScoreBoard? = nil,
        hostCheck: PreviewHostCheck = PreviewHostCheck(names: [])
    ) {
        self.store = store
        self.hub = hub
        self.logsRequests = logsRequests
        self.scores = scores
        self.hostCheck = hostCheck
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        let response = route(request)
        if logsRequests {
            context.logger.info("\(request.method) \(request.uri) \(response.status.code)")
        }
        return response
    }

    func route(_ request: Request) -> Response {
        // The first Host header is the request's authority; a second one stays among the headers.
        if request.headers.contains(where: { $0.name.canonicalName == "host" }) {
            return Self.plain(.badRequest, "Refused: more than one Host header.\n", method: request.method)
        }
        let host = request.head.authority
        guard hostCheck.allows(host) else {
            let name = String((host ?? "").unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }.prefix(200))
            return Self.plain(
                .forbidden,
                "Blocked: this preview answers requests for localhost and IP addresses, not for '\(name)' (a page of another site could be reading it through DNS rebinding). To open it by that name, start it with --allow-host \(PreviewHostCheck.name(in: name) ?? "NAME").\n",
                method: request.method)
        }
        guard request.method == .get || request.method == .head else {
            return Self.plain(.methodNotAllowed, "Only GET and HEAD are served.\n", extra: [.allow: "GET, HEAD"], method: request.method)
        }
        let path = request.uri.path
        if path.hasPrefix(LiveReloadScript.reservedPrefix) {
            return reserved(path, request: request)
        }
        let site = store.current
        switch SitePathResolver.resolve(path, exists: { site.files[$0] != nil }) {
        case .file(let sitePath):
            // The resolver only answers `.file` for paths that exist.
            guard let file = site.files[sitePath] else { return notFound(site, request: request) }
            return Self.serve(file, request: request)
        case .redirect(let location):
            var target = location
            if let query = request.uri.query, !query.isEmpty { target += "?" + query }
            return Self.plain(.found, "Moved to \(target)\n", extra: [.location: Self.encodedLocation(target)], method: request.method)
        case .notFound:
            return notFound(site, request: request)
        case .refused(let reason):
            return Self.plain(.badRequest, "Refused: \(reason).\n", method: request.method)
        }
    }

    private func reserved(_ path: String, request: Request) -> Response {
        switch path {
        case LiveReloadScript.path:
            return Self.serve(Self.scriptFile, request: request)
        case LiveReloadScript.eventsPath:
            return eventStream(request)
        case FeedbackScoreBoard.path:
            guard let file = scores?.current else { return Self.plain(.notFound, "No feedback database configured.\n", method: request.method) }
            return Self.serve(file, request: request)
        default:
            return Self.plain(.notFound, "Not found.\n", method: request.method)
        }
    }

    private func notFound(_ site: ServedSite, request: Request) -> Response {
        // A draft's address says why it is missing (it was a bare 404: session 24's writer trial).
        let page = site.draft(at: request.uri.path).map(site.draftNotFoundPage) ?? site.notFoundPage
        var headers = HTTPFields()
        headers[.contentType] = page.mediaType
        headers[.cacheControl] = "no-store"
        return Self.response(.notFound, headers: headers, body: page.body, method: request.method)
    }

    /// A site file: 304 when the browser's copy is current, the bytes otherwise (headers only for HEAD).
    static func serve(_ file: ServedFile, request: Request) -> Response {
        var headers = HTTPFields()
        headers[.eTag] = file.entityTag
        // Always revalidate: the preview changes under the browser, and a 304 costs nothing.
        headers[.cacheControl] = "no-cache"
        if let condition = request.headers[.ifNoneMatch], EntityTag.ifNoneMatch(condition, matches: file.entityTag) {
            headers[.contentLength] = String(file.body.readableBytes)
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = file.mediaType
        return response(.ok, headers: headers, body: file.body, method: request.method)
    }

    static func response(_ status: HTTPResponse.Status, headers: HTTPFields, body: ByteBuffer, method: HTTPRequest.Method) -> Response {
        var headers = headers
        headers[.xContentTypeOptions] = "nosniff"
        if method == .head {
            headers[.contentLength] = String(body.readableBytes)
            return Response(status: status, headers: headers, body: ResponseBody())
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: body))
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:], method: HTTPRequest.Method) -> Response {
        var headers = extra
        headers[.contentType] = ServedMediaType.plainText
        headers[.cacheControl] = "no-store"
        return response(status, headers: headers, body: ByteBuffer(string: text), method: method)
    }

    /// A redirect target made safe for a header: bytes outside printable ASCII are percent-encoded.
    static func encodedLocation(_ location: String) -> String {
        var output = ""
        for byte in location.utf8 {
            if byte > 0x20 && byte < 0x7F {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                output += String(format: "%%%02X", byte)
            }
        }
        return output
    }

    static let scriptFile = ServedFile(path: "live.js", data: Data(LiveReloadScript.source.utf8))
}
