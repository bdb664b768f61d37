import Foundation
import Testing

/// `helpcenter check --report FOLDER`: the team's HTML page, with what the published site no
/// longer shows (scenario files and lines, coverage, findings, the diagram).
@Suite("helpcenter check --report")
struct CheckReportCommandTests {
    @Test func theReportHoldsFindingsCoverageScenarioPlacesAndTheDiagram() async throws {
        let project = try TestProject()
        defer { project.remove() }
        // A second scenario that disagrees with the policy, so the report has a finding.
        try project.write(
            """
            scenarios:
              - name: Expects the wrong banner
                given:
                  two_factor: {method: app}
                when:
                  - open_account_management:
                    expect: {banner: hidden}

            """, to: "scenarios/wrong.yaml")
        let folder = project.sandbox.appendingPathComponent("report/nested")
        let run = try await project.run("check", "--project", project.root.path, "--report", folder.path)
        #expect(run.status == 1, "\(run.errors)")
        let page = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.hasPrefix("<!doctype html>"))
        #expect(page.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        // Self-contained: its style inline, no script, nothing loaded from elsewhere.
        #expect(page.contains("<style>") && !page.contains("<script") && !page.contains("<link"))
        #expect(page.contains("prefers-color-scheme:dark"))
        #expect(page.contains("<strong class=\"bad\">Errors found</strong>: 2 scenarios in 2 files, 1 passed, 1 failed"))
        // The finding, at its place.
        #expect(page.contains("<code class=\"place\">\(project.path("scenarios/wrong.yaml")):7:"))
        // Coverage: the rule, the scenario deciding it with file and line, the matrix.
        #expect(page.contains("<article class=\"rule\" id=\"rule-banner-while-missing\">"))
        #expect(page.contains("The banner shows until a backup method is set up <code class=\"place\">\(project.path("scenarios/banner.yaml")):2</code>"))
        #expect(page.contains("<table class=\"matrix\">"))
        #expect(page.contains("<td class=\"mark-D\">D</td>"))
        // The state diagram, in words.
        #expect(page.contains("<svg class=\"state-diagram\""))
        #expect(page.contains("Add a backup email address"))
    }

    @Test func anUnwritableReportFolderIsAFailureToRun() async throws {
        let project = try TestProject()
        defer { project.remove() }
        try project.write("not a folder", to: "blocked")
        let run = try await project.run("check", "--project", project.root.path, "--report", project.path("blocked/report"))
        #expect(run.status == 2)
        #expect(run.errors.contains("cannot write the report to"))
    }
}
