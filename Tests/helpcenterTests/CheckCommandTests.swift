import Foundation
import Testing

@Suite("helpcenter check")
struct CheckCommandTests {
    @Test func aSuiteThatAgreesWithThePolicyPasses() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let run = try await project.run("check", "--project", project.root.path)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("checked 1 scenario in 1 file: 1 passed, 0 failed; 0 errors"), "\(run.output)")
        #expect(!run.output.contains(": error:"))
    }

    @Test func aMismatchIsAnErrorAtItsFileLineAndColumn() async throws {
        let project = try TestProject()
        defer { project.remove() }
        try project.write(
            TestProject.scenario.replacingOccurrences(of: "expect: {banner: shown}", with: "expect: {banner: hidden}"), to: "scenarios/banner.yaml")
        let run = try await project.run("check", project.path("scenarios"))
        #expect(run.status == 1)
        #expect(run.output.contains("[banner-while-missing]"))
        #expect(
            run.output.contains("\(project.path("scenarios/banner.yaml")):10:18: error: expected banner: hidden, but the policy gives banner: shown"),
            "\(run.output)")
    }

    @Test func aPathThatDoesNotExistCannotBeChecked() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let missing = project.path("scenarios/missing.yaml")
        let run = try await project.run("check", missing)
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix("helpcenter: error: "), "\(run.errors)")
        #expect(run.errors.contains(missing))
        #expect(run.output.isEmpty)
    }

    @Test func anUnknownFormatIsAUsageError() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let run = try await project.run("check", "--project", project.root.path, "--format", "xml")
        #expect(run.status == 2)
        #expect(run.errors.contains("Error: The value 'xml' is invalid for '--format <format>'"), "\(run.errors)")
        #expect(run.errors.contains("Usage: helpcenter check"))
        #expect(run.output.isEmpty)
    }

    @Test func theRulesAreListedInPrecedenceOrder() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let run = try await project.run("check", "--list-rules", "--project", project.root.path)
        #expect(run.status == 0, "\(run.errors)")
        let listed = run.output.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(listed.contains("banner-while-missing"), "\(run.output)")
        #expect(listed.contains("recovery-key-first"))
        #expect(run.errors.isEmpty)
    }

    @Test func aJSONReportLeavesTheSummaryOnStandardError() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let run = try await project.run("check", "--project", project.root.path, "--format", "json")
        #expect(run.status == 0, "\(run.errors)")
        let report = try JSONSerialization.jsonObject(with: Data(run.output.utf8))
        #expect(report is [String: Any])
        #expect(run.errors.contains("1 scenario"), "\(run.errors)")
    }
}
