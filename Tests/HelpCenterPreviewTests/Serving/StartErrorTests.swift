import Foundation
import HelpCenterSite
import NIOCore
import Testing

@testable import HelpCenterPreview
@testable import HelpCenterSiteFiles

/// A port in use was reported with the system call's own words (`bind(descriptor:ptr:bytes:):
/// Address already in use) (errno: 98)`).
@Suite struct StartErrorTests {
    @Test(arguments: [
        (EADDRINUSE, "127.0.0.1", "127.0.0.1:8711 is already in use, by another server or program: stop it, or choose another port with --port"),
        (EACCES, "127.0.0.1", "cannot listen on 127.0.0.1:8711: ports below 1024 need root; choose another port with --port"),
        (EADDRNOTAVAIL, "::2", "cannot listen on [::2]:8711: this machine has no such address"),
    ])
    func aPortThatCannotBeUsedIsExplained(code: Int32, host: String, message: String) {
        let error = IOError(errnoCode: code, reason: "bind(descriptor:ptr:bytes:)")
        #expect(PreviewServer.explain(error, host: host, port: 8711).hasPrefix(message))
    }

    /// A mistyped `--host` (`.invalid` is never a host name: RFC 6761), found before the build.
    @Test func anUnknownHostNameIsExplained() async throws {
        let options = PreviewOptions(host: "nosuchhost.invalid", port: 8711)
        let server = PreviewServer(
            session: SiteSession(builder: SiteBuilder(configuration: SiteConfiguration(), content: InMemoryFileTree([:]), templates: InMemoryFileTree([:]))),
            configurationFile: nil, inputs: [], options: options)
        let error = await #expect(throws: (any Error).self) { try await server.checkAddress() }
        #expect(
            PreviewServer.explain(try #require(error), host: "nosuchhost.invalid", port: 8711)
                == "cannot listen on nosuchhost.invalid:8711: no address is known for that name; listen on 127.0.0.1 (the default), localhost or one of this machine's addresses"
        )
    }

    @Test func otherErrorsKeepTheirOwnWords() {
        #expect(PreviewServer.explain(CancellationError(), host: "127.0.0.1", port: 8711).hasPrefix("the preview server stopped: "))
    }
}
