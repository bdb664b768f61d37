import Foundation
import HelpCenterInputFiles
import HelpCenterSite
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HelpCenterPreview
@testable import HelpCenterSiteFiles

/// The preview builds from the same file trees as `build`: a link leading out of the inputs
/// is never served (404), one that stays inside them is.
@Suite struct SymlinkServingTests {
    /// A preview server over the fixture written to disk, reading within its input folders.
    private static func server(at root: URL) throws -> (PreviewServer, RebuildOutcome) {
        let content = root.appendingPathComponent("content")
        let templates = root.appendingPathComponent("templates")
        let boundary = InputBoundary([content.path, templates.path])
        let builder = SiteBuilder(
            configuration: SiteConfiguration(),
            content: DirectoryFileTree(root: content, displayName: "content", boundary: boundary),
            templates: DirectoryFileTree(root: templates, displayName: "templates", boundary: boundary))
        let server = PreviewServer(session: SiteSession(builder: builder), configurationFile: nil, inputs: [])
        return (server, try server.buildFirst())
    }

    private static func status(_ server: PreviewServer, _ uri: String) async throws -> HTTPResponse.Status {
        try await server.makeApplication().test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in response.status }
        }
    }

    @Test func aLinkToAFileOutsideTheInputsIsNotServed() async throws {
        let root = try PreviewFixture.writeToTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let (server, first) = try Self.server(at: root)
        #expect(first.succeeded)
        #expect(try await Self.status(server, "/guides/images/dot.svg") == .ok)

        // Saved while the preview runs: the rebuild fails at the link, the last good pages stay.
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("content/guides/images/passwd.png").path, withDestinationPath: "/etc/passwd")
        let outcome = await server.rebuilder.rebuild([SiteInputChange(.content, "guides/images/passwd.png")], everything: false)
        #expect(!outcome.succeeded)
        #expect(outcome.diagnostics.contains { $0.location.path == "content/guides/images/passwd.png" && $0.id == "input-link" })
        #expect(try await Self.status(server, "/guides/images/passwd.png") == .notFound)
        #expect(try await Self.status(server, "/guides/first-steps/") == .ok)

        // A preview started with the link in place serves nothing of it either.
        let (fresh, failed) = try Self.server(at: root)
        #expect(!failed.succeeded)
        #expect(try await Self.status(fresh, "/guides/images/passwd.png") == .notFound)
    }

    @Test func aLinkThatStaysInsideTheInputsIsServed() async throws {
        let root = try PreviewFixture.writeToTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("content/guides/images/site.css").path,
            withDestinationPath: root.appendingPathComponent("templates/assets/site.css").path)
        let (server, first) = try Self.server(at: root)
        #expect(first.succeeded, "\(first.diagnostics)")
        #expect(try await Self.status(server, "/guides/images/site.css") == .ok)
    }
}
