import Foundation
import Testing

@Suite("Finding the project folder")
struct ProjectDiscoveryTests {
    @Test(arguments: ["check", "build"])
    func noProjectFolderStopsTheCommand(command: String) async throws {
        let project = try TestProject(configuration: false)
        defer { project.remove() }
        let run = try await project.run(command)
        #expect(run.status == 2)
        #expect(
            run.errors.contains(
                "helpcenter: error: no project folder found: no helpcenter.yaml in \(project.elsewhere.path) or \(project.sandbox.path) (searched up from the current folder)"
            ), "\(run.errors)")
        #expect(run.errors.contains("--project DIR"))
        #expect(!project.exists("_site"))
    }

    @Test func projectNamesAFolderWithoutHelpcenterYAML() async throws {
        let project = try TestProject(configuration: false)
        defer { project.remove() }
        let run = try await project.run("build", "--project", project.root.path, "--verbose")
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.contains("project folder: \(project.root.path)"), "\(run.errors)")
        #expect(project.exists("_site/basics/next-steps/index.html"))
    }

    @Test func theProjectIsFoundFromTheFirstPathGiven() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let scenario = project.path("scenarios/banner.yaml")
        let run = try await project.run("check", scenario, "--verbose")
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.contains("project folder: \(project.root.path)"), "\(run.errors)")
        #expect(run.errors.contains("found from \(scenario)"))
    }
}
