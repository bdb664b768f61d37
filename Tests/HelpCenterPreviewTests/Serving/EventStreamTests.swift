import Foundation
import HelpCenterSite
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HelpCenterPreview

/// The Server-Sent Events endpoint, in process.
@Suite struct EventStreamTests {
    @Test func theStreamStartsWithTheStateThenCarriesEachEvent() async throws {
        let server = try PreviewFixture.server()
        try await server.makeApplication().test(.router) { client in
            async let streamed = client.execute(uri: LiveReloadScript.eventsPath, method: .get)
            #expect(await eventually { server.hub.subscriberCount == 1 })
            server.hub.publish(.reload(LiveReloadPages(version: "v-2", changedPaths: ["guides/first-steps/index.html"], removedPaths: [])))
            server.hub.publish(.keepAlive)
            server.hub.finishAll()
            let response = try await streamed
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/event-stream; charset=utf-8")
            #expect(response.headers[.cacheControl] == "no-store")
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
            let body = String(buffer: response.body)
            #expect(body.hasPrefix("retry: 1000\n\nevent: ok\ndata: {\"version\":\"\(server.version.current)\"}\n\n"))
            #expect(body.contains("event: reload\ndata: {\"everyPage\":false,\"pages\":[\"/guides/first-steps/\"],\"resources\":[],\"version\":\"v-2\"}\n\n"))
            #expect(body.hasSuffix(": keep-alive\n\n"))
        }
    }

    @Test func aPageOpenedWhileTheSiteIsBrokenGetsTheErrorsAtOnce() async throws {
        let broken = "---\ntitle: [unclosed\n---\nBody.\n"
        let server = try PreviewFixture.server(content: ["guides/broken.md": broken])
        try await server.makeApplication().test(.router) { client in
            async let streamed = client.execute(uri: LiveReloadScript.eventsPath, method: .get)
            #expect(await eventually { server.hub.subscriberCount == 1 })
            server.hub.finishAll()
            let body = String(buffer: try await streamed.body)
            #expect(body.contains("event: errors\n"))
            #expect(body.contains("\"path\":\"content/guides/broken.md\""))
            // At the bracket left open (libyaml: the line after).
            #expect(body.contains("\"line\":2"))
        }
    }
}
