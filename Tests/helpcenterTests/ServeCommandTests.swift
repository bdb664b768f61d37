import Foundation
import NIOCore
import NIOPosix
import Testing

/// Only the arguments: the server itself is tested in HelpCenterPreviewTests and scripts/e2e-serve.sh.
@Suite("helpcenter serve")
struct ServeCommandTests {
    @Test(arguments: [
        (["serve", "--port", "70000"], "--port must be between 0 and 65535"),
        (["serve", "--debounce-ms", "9999"], "--debounce-ms must be between 0 and 5000"),
        (["serve", "--port", "many"], "The value 'many' is invalid for '--port <port>'"),
    ])
    func badArgumentsAreUsageErrors(arguments: [String], message: String) async throws {
        let project = try TestProject()
        defer { project.remove() }
        let run = try await CommandRun.helpcenter(arguments, currentFolder: project.elsewhere, searchTop: project.sandbox)
        #expect(run.status == 2)
        #expect(run.errors.contains(message), "\(run.errors)")
        #expect(run.errors.contains("Usage: helpcenter serve"))
    }

    /// A port in use was reported only after the whole first build (session 24's writer trial).
    @Test func aPortInUseIsSaidBeforeTheBuild() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let holder = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(holder.localAddress?.port)
        let run = try await CommandRun.helpcenter(
            ["serve", "--port", String(port)], currentFolder: project.root, searchTop: project.sandbox)
        try await holder.close()
        #expect(run.status == 2)
        #expect(run.errors.contains("127.0.0.1:\(port) is already in use, by another server or program"), "\(run.errors)")
        #expect(!run.errors.contains("Built") && !run.output.contains("Built"), "\(run.output)\(run.errors)")
    }
}
