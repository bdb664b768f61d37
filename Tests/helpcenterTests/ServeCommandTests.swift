import Foundation
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
}
