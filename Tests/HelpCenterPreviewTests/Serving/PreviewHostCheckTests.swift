import Foundation
import HelpCenterConcurrency
import HelpCenterSite
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HelpCenterPreview

/// The `Host` guard against DNS rebinding (scripts/serve-limits.sh tries it over a socket too).
@Suite struct PreviewHostCheckTests {
    let check = PreviewHostCheck(names: ["Preview.Test", "192.168.1.20"])

    @Test(arguments: [
        "localhost", "localhost:4000", "LOCALHOST:4000", "localhost.:4000", "docs.localhost:4000", "127.0.0.1", "127.0.0.1:4000",
        "10.0.0.7:80", "[::1]", "[::1]:4000", "[fe80::1]:4000", "preview.test:4000", "PREVIEW.TEST",
    ])
    func servesThisMachinesNamesAddressesAndAllowedNames(host: String) {
        #expect(check.allows(host))
    }

    @Test(arguments: [
        "evil.example", "evil.example:4000", "127.0.0.1.evil.example", "localhost.evil.example:4000", "localhostx:4000",
        "256.0.0.1:4000", "1.2.3:4000", "127.0.0.1:4000:80", "127.0.0.1:port", "[::1", "[::1]x", "a b", "localhost, evil.example",
        "user@localhost", "localhost/x", "[evil.example]:4000", "localhost:", "[::1]:", "localhost:99999", "localhost:123456", "[:]",
    ])
    func refusesEveryOtherName(host: String) {
        #expect(!check.allows(host))
    }

    @Test func anAllowedNameMustBeAHostName() {
        #expect(PreviewHostCheck.problem(withAllowedName: "docs.example.org") == nil)
        #expect(PreviewHostCheck.problem(withAllowedName: "docs.example.org:4000")?.contains("without a port") == true)
        #expect(PreviewHostCheck.problem(withAllowedName: "http://docs.example.org")?.contains("without a scheme") == true)
        #expect(PreviewHostCheck.problem(withAllowedName: "café.example")?.contains("punycode") == true)
        #expect(PreviewHostCheck.problem(withAllowedName: "") != nil)
    }

    @Test func aRequestWithoutHostIsServed() {
        #expect(check.allows(nil))
        #expect(check.allows(""))
    }

    @Test func theResponderRefusesAnotherHostWith403AndSaysHowToAllowIt() async throws {
        let responder = try PreviewFixture.server().responder
        func get(_ path: String, host: String?, extraHost: String? = nil) -> Response {
            var fields = HTTPFields()
            if let extraHost { fields[.init("Host")!] = extraHost }
            let head = HTTPRequest(method: .get, scheme: "http", authority: host, path: path, headerFields: fields)
            return responder.route(Request(head: head, body: RequestBody(buffer: ByteBuffer())))
        }
        let refused = get("/", host: "evil.example:4000")
        #expect(refused.status == .forbidden)
        #expect(refused.headers[.cacheControl] == "no-store")
        #expect(get(LiveReloadScript.eventsPath, host: "evil.example").status == .forbidden)
        #expect(get(LiveReloadScript.path, host: "evil.example").status == .forbidden)
        #expect(get("/", host: "localhost:4000").status == .ok)
        #expect(get("/", host: nil).status == .ok)
        #expect(get("/", host: "localhost:4000", extraHost: "evil.example").status == .badRequest)
    }

    @Test func theRefusalSaysWhichNameAndHowToAllowIt() async throws {
        let server = try PreviewFixture.server()
        let head = HTTPRequest(method: .get, scheme: "http", authority: "docs.example.org:4000", path: "/")
        let response = server.responder.route(Request(head: head, body: RequestBody(buffer: ByteBuffer())))
        let body = BodyCollector()
        try await response.body.write(body)
        #expect(body.text.contains("not for 'docs.example.org:4000'"))
        #expect(body.text.contains("start it with --allow-host docs.example.org."))
    }

    @Test func connectionsAreCappedBelowTheOpenFileLimit() {
        #expect(ProcessLimits.connectionCap(PreviewServer.maximumConnections, openFileLimit: 20_000) == 1024)
        #expect(ProcessLimits.connectionCap(PreviewServer.maximumConnections, openFileLimit: 1024) == 896)
        #expect(ProcessLimits.connectionCap(PreviewServer.maximumConnections, openFileLimit: 100) == 16)
    }
}

/// A response body's bytes, written by the response itself.
private final class BodyCollector: ResponseBodyWriter {
    var buffer = ByteBuffer()
    var text: String { String(buffer: buffer) }
    func write(_ buffer: ByteBuffer) async throws { self.buffer.writeImmutableBuffer(buffer) }
    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
