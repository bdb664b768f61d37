import Foundation
import HelpCenterDiagnostics
import Testing

@Suite("helpcenter")
struct HelpCenterCommandTests {
    @Test func helpIsPrintedOnStandardOutput() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let run = try await project.run("--help")
        #expect(run.status == 0)
        #expect(run.output.contains("USAGE: helpcenter <subcommand>"), "\(run.output)")
        for command in ["build", "serve", "check", "new", "render"] {
            #expect(run.output.contains("  \(command) "), "no \(command) in the help")
        }
        #expect(run.errors.isEmpty)
    }

    /// What a bug report or a CI log quotes: the version, on standard output, exit 0.
    @Test func theVersionIsPrinted() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let run = try await project.run("--version")
        #expect(run.status == 0)
        #expect(run.output == ToolVersion.current + "\n", "\(run.output)")
        #expect(run.errors.isEmpty)
    }

    @Test func anUnknownCommandIsAUsageError() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let run = try await project.run("publish")
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix("Error: Unexpected argument 'publish'\nUsage: helpcenter <subcommand>\n"), "\(run.errors)")
        #expect(run.output.isEmpty)
    }
}
