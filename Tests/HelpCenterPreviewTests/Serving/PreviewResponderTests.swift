import Foundation
import HelpCenterSite
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HelpCenterPreview

/// The server in process (HummingbirdTesting's router framework): pages, headers, 404, traversal.
@Suite struct PreviewResponderTests {
    let server: PreviewServer

    init() throws {
        server = try PreviewFixture.server()
    }

    @Test func servesPagesWithTheLiveReloadScriptInjected() async throws {
        try await server.makeApplication().test(.router) { client in
            try await client.execute(uri: "/guides/first-steps/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let body = String(buffer: response.body)
                #expect(body.contains("<h1>First steps</h1>"))
                // Before the closing body tag, whatever its case; exactly once.
                #expect(body.contains("<script src=\"/_helpcenter/live.js\"></script>\n</BODY>"))
                #expect(body.components(separatedBy: "/_helpcenter/live.js").count == 2)
                #expect(response.headers[.contentLength] == String(response.body.readableBytes))
            }
        }
        // The built site itself never carries the script.
        let built = try #require(server.rebuilder.store.current.files["guides/first-steps/index.html"])
        #expect(built.entityTag.hasPrefix("\""))
    }

    @Test(arguments: [
        ("/assets/site.css", "text/css; charset=utf-8"),
        ("/guides/images/dot.svg", "image/svg+xml"),
        ("/sitemap.xml", "application/xml; charset=utf-8"),
        ("/", "text/html; charset=utf-8"),
        ("/_helpcenter/live.js", "text/javascript; charset=utf-8"),
    ])
    func setsContentTypeByExtension(uri: String, expected: String) async throws {
        try await server.makeApplication().test(.router) { client in
            let response = try await client.execute(uri: uri, method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == expected)
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
        }
    }

    @Test func answersConditionalRequestsWithNotModified() async throws {
        try await server.makeApplication().test(.router) { client in
            let first = try await client.execute(uri: "/assets/site.css", method: .get)
            let tag = try #require(first.headers[.eTag])
            #expect(tag.hasPrefix("\"") && tag.hasSuffix("\""))
            #expect(first.headers[.cacheControl] == "no-cache")

            let again = try await client.execute(uri: "/assets/site.css", method: .get, headers: [.ifNoneMatch: tag])
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
            #expect(again.headers[.eTag] == tag)

            let listed = try await client.execute(uri: "/assets/site.css", method: .get, headers: [.ifNoneMatch: "\"other\", W/\(tag)"])
            #expect(listed.status == .notModified)

            let stale = try await client.execute(uri: "/assets/site.css", method: .get, headers: [.ifNoneMatch: "\"0-0\""])
            #expect(stale.status == .ok)
            #expect(String(buffer: stale.body).contains("font-family"))
        }
    }

    @Test func headSendsTheHeadersWithoutTheBody() async throws {
        try await server.makeApplication().test(.router) { client in
            let get = try await client.execute(uri: "/guides/", method: .get)
            let head = try await client.execute(uri: "/guides/", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentLength] == String(get.body.readableBytes))
            #expect(head.headers[.eTag] == get.headers[.eTag])
            #expect(head.headers[.contentType] == get.headers[.contentType])
        }
    }

    @Test func redirectsFoldersToTheirSlashForm() async throws {
        try await server.makeApplication().test(.router) { client in
            let response = try await client.execute(uri: "/guides/first-steps?from=nav", method: .get)
            #expect(response.status == .found)
            #expect(response.headers[.location] == "/guides/first-steps/?from=nav")
        }
    }

    @Test(arguments: ["/missing/", "/guides/missing-article/", "/nothing.css", "/_helpcenter/other"])
    func unknownPathsGetTheSites404Page(uri: String) async throws {
        try await server.makeApplication().test(.router) { client in
            let response = try await client.execute(uri: uri, method: .get)
            #expect(response.status == .notFound)
            if !uri.hasPrefix("/_helpcenter/") {
                let body = String(buffer: response.body)
                #expect(body.contains("Page not found"))
                #expect(body.contains("/_helpcenter/live.js"))
            }
        }
    }

    @Test(arguments: [
        "/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2e/etc/passwd", "/%252e%252e/etc/passwd",
        "/..%2fetc%2fpasswd", "/..\\..\\etc\\passwd", "/guides%5c..%5c..%5cetc", "/index.html%00.css", "//etc/passwd", "/%2fetc/passwd",
    ])
    func refusesTraversalAttempts(uri: String) async throws {
        try await server.makeApplication().test(.router) { client in
            let response = try await client.execute(uri: uri, method: .get)
            #expect(response.status == .badRequest)
            #expect(!String(buffer: response.body).contains("root:"))
        }
    }

    @Test func refusesOtherMethods() async throws {
        try await server.makeApplication().test(.router) { client in
            let response = try await client.execute(uri: "/", method: .post, body: ByteBuffer(string: "x"))
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == "GET, HEAD")
        }
    }

    @Test func draftsAreServedWithTheirBadgeOnlyWhenAsked() async throws {
        try await server.makeApplication().test(.router) { client in
            // Without --drafts, the draft's address says why there is nothing (a bare 404 in
            // session 24's writer trial), at each way of writing it; other 404s say nothing of drafts.
            for uri in ["/guides/draft-notes/", "/guides/draft-notes", "/guides/draft-notes/index.html", "/guides/draft%2Dnotes/"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .notFound)
                let body = String(buffer: response.body)
                #expect(body.contains("Page not found"), "\(uri)")
                #expect(
                    body.contains(
                        "This address is the page of <code>content/guides/draft-notes.md</code>, which has <code>draft: true</code>: the preview leaves drafts out. Start it with <code style=\"white-space: nowrap\">helpcenter serve --drafts</code> to see them."
                    ), "\(uri): \(body)")
                #expect(body.contains("/_helpcenter/live.js"))
            }
            let other = try await client.execute(uri: "/guides/draft-notes-2/", method: .get)
            #expect(!String(buffer: other.body).contains("draft: true"))
        }
        let withDrafts = try PreviewFixture.server(includeDrafts: true)
        try await withDrafts.makeApplication().test(.router) { client in
            let response = try await client.execute(uri: "/guides/draft-notes/", method: .get)
            #expect(response.status == .ok)
            #expect(String(buffer: response.body).contains("Draft: not published"))
        }
    }

    @Test func aSiteWithoutA404PageStillAnswersWithAPageThatListens() async throws {
        var templates = PreviewFixture.templates
        templates["404.mustache"] = nil
        let builder = SiteBuilder(
            configuration: SiteConfiguration(),
            content: InMemoryFileTree(PreviewFixture.content, displayPrefix: "content/"),
            templates: InMemoryFileTree(templates, displayPrefix: "templates/"))
        let server = PreviewServer(session: SiteSession(builder: builder), configurationFile: nil, inputs: [])
        try server.buildFirst()
        try await server.makeApplication().test(.router) { client in
            let response = try await client.execute(uri: "/missing/", method: .get)
            #expect(response.status == .notFound)
            #expect(String(buffer: response.body).contains("/_helpcenter/live.js"))
        }
    }
}
