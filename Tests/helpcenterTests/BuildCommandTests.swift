import Foundation
import Testing

@Suite("helpcenter build")
struct BuildCommandTests {
    @Test func aCleanProjectIsBuiltIntoItsSiteFolder() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let run = try await project.run("build", "--project", project.root.path)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasPrefix("Built 2 articles in 1 collection"), "\(run.output)")
        #expect(run.output.contains("into \(project.path("_site"))"))
        #expect(try project.read("_site/basics/first-steps/index.html").contains("<h2 id=\"sign-in\""))
        #expect(project.exists("_site/index.html"))
    }

    /// The configuration's warnings are printed before the build's: the summary counts them too
    /// (here the unknown key and the build's own warning about `base_url`; it said "1 warning").
    @Test func theSummaryCountsTheConfigurationsWarnings() async throws {
        let project = try TestProject()
        defer { project.remove() }
        try project.write("name: Test Help\nheader_colections: 4\n", to: "helpcenter.yaml")
        let run = try await project.run("build", "--project", project.root.path)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.contains("helpcenter.yaml:2:1: warning:"), "\(run.errors)")
        #expect(run.output.contains("; 0 errors, 2 warnings."), "\(run.output)")
    }

    /// `--strict` (CI): a warning fails the build, whether the configuration's or the content's,
    /// and nothing is published.
    @Test func strictMakesWarningsFailTheBuild() async throws {
        let project = try TestProject()
        defer { project.remove() }
        try project.write("name: Test Help\nheader_colections: 4\n", to: "helpcenter.yaml")
        let configuration = try await project.run("build", "--project", project.root.path, "--strict")
        #expect(configuration.status == 1, "\(configuration.output)")
        #expect(configuration.output.contains("Build failed (--strict): 0 errors, 1 warning in the configuration"), "\(configuration.output)")
        #expect(!project.exists("_site"))

        try project.write("name: Test Help\nbase_url: https://help.example.com/\n", to: "helpcenter.yaml")
        #expect(try await project.run("build", "--project", project.root.path, "--strict").status == 0)
        let published = try project.read("_site/basics/next-steps/index.html")
        try project.write(TestProject.nextSteps.replacingOccurrences(of: "---\ntitle:", with: "---\ncolour: red\ntitle:"), to: "content/basics/next-steps.md")
        let content = try await project.run("build", "--project", project.root.path, "--strict")
        #expect(content.status == 1)
        #expect(content.errors.contains("error: unknown key 'colour'"), "\(content.errors)")
        #expect(content.output.contains("Build failed (--strict: warnings count as errors)"), "\(content.output)")
        #expect(try project.read("_site/basics/next-steps/index.html") == published)
        #expect(try await project.run("build", "--project", project.root.path).status == 0)
    }

    /// `--diagnostics sarif`: the findings for CI, written even when the build fails, with
    /// paths from the project folder (the build ran with an absolute --project, as CI does).
    @Test func theFindingsCanBeWrittenForCI() async throws {
        let project = try TestProject()
        defer { project.remove() }
        try project.write(TestProject.nextSteps.replacingOccurrences(of: "#sign-in", with: "#log-in"), to: "content/basics/next-steps.md")
        let report = project.path("build.sarif")
        let run = try await project.run("build", "--project", project.root.path, "--diagnostics", "sarif", "--diagnostics-output", report)
        #expect(run.status == 1)
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(project.read("build.sarif").utf8)) as? [String: Any])
        let results = try #require(((sarif["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        func uri(_ result: [String: Any]) -> String? {
            let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            return (location?["artifactLocation"] as? [String: Any])?["uri"] as? String
        }
        // The broken anchor, and the warning that base_url is not absolute, at the top of the
        // configuration file that leaves it out (it named a bare helpcenter.yaml, wherever the
        // project was).
        #expect(results.map { $0["ruleId"] as? String } == ["broken-anchor", "base-url"])
        #expect(results.map(uri) == ["content/basics/next-steps.md", "helpcenter.yaml"])
        let usage = try await project.run("build", "--project", project.root.path, "--diagnostics", "junit")
        #expect(usage.status == 2)
        #expect(usage.errors.contains("--diagnostics junit needs --diagnostics-output FILE"), "\(usage.errors)")
    }

    /// A configuration that can't be used ends the build with exit 2, and the CI report holds
    /// why, at the file (it was discarded: a broken helpcenter.yaml left the pull request
    /// without an annotation). Commands without --diagnostics still say it once.
    @Test func aBrokenConfigurationIsInTheCIReport() async throws {
        let project = try TestProject()
        defer { project.remove() }
        try project.write("name: Test Help\nbase_url: [oops\n", to: "helpcenter.yaml")
        let run = try await project.run("build", "--project", project.root.path, "--diagnostics", "github")
        #expect(run.status == 2)
        #expect(
            run.output.hasPrefix("::error file=helpcenter.yaml,line=2,col=11,title=yaml::invalid YAML in the site configuration: this list is not closed"),
            "\(run.output)")
        #expect(!project.exists("_site"))
        let serve = try await project.run("serve", "--project", project.root.path, "--port", "0")
        #expect(serve.status == 2)
        #expect(serve.errors.components(separatedBy: "invalid YAML in the site configuration").count == 2, "once: \(serve.errors)")

        try Data([0x6E, 0x3A, 0x20, 0xFF]).write(to: URL(fileURLWithPath: project.path("helpcenter.yaml")))
        let unreadable = try await project.run("build", "--project", project.root.path, "--diagnostics", "github")
        #expect(unreadable.status == 2)
        #expect(unreadable.output.hasPrefix("::error file=helpcenter.yaml,line=1,col=1,title=io::cannot read the configuration file"), "\(unreadable.output)")
    }

    /// The CI report may not replace an input, land where the build reads or publishes, or be a
    /// folder: each is refused before the build (exit 2), the inputs left as they were.
    @Test(arguments: [
        ("helpcenter.yaml", "it is the site configuration"), ("content/report.json", "it is in the content folder"),
        ("_site/report.json", "it is in the site's output folder"), ("content", "it is in the content folder"),
    ])
    func theCIReportCannotGoWhereTheBuildReadsOrWrites(file: String, message: String) async throws {
        let project = try TestProject()
        defer { project.remove() }
        let configuration = try project.read("helpcenter.yaml")
        let run = try await project.run("build", "--project", project.root.path, "--diagnostics", "json", "--diagnostics-output", project.path(file))
        #expect(run.status == 2)
        #expect(run.errors.contains("refusing to write --diagnostics-output to \(project.path(file)): \(message)"), "\(run.errors)")
        #expect(try project.read("helpcenter.yaml") == configuration)
        #expect(!project.exists("content/report.json"))
    }

    @Test func aBrokenLinkFailsTheBuildAndLeavesThePreviousSite() async throws {
        let project = try TestProject()
        defer { project.remove() }
        #expect(try await project.run("build", "--project", project.root.path).status == 0)
        let published = try project.read("_site/basics/next-steps/index.html")
        try project.write(TestProject.nextSteps.replacingOccurrences(of: "#sign-in", with: "#log-in"), to: "content/basics/next-steps.md")
        let run = try await project.run("build", "--project", project.root.path)
        #expect(run.status == 1)
        #expect(run.errors.contains("\(project.path("content/basics/next-steps.md")):6:7: error:"), "\(run.errors)")
        #expect(run.errors.contains("[broken-anchor]"))
        #expect(run.output.contains("Build failed: 1 error"), "\(run.output)")
        #expect(run.output.contains("nothing was published and \(project.path("_site")) is unchanged"))
        #expect(try project.read("_site/basics/next-steps/index.html") == published)
    }

    @Test func anOutputFolderThatIsAnInputIsRefused() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let run = try await project.run("build", "--project", project.root.path, "--output", project.path("content"))
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix("helpcenter: error: refusing to write the site to '\(project.path("content"))': it is the input"), "\(run.errors)")
        #expect(project.exists("content/basics/first-steps.md"))
        #expect(!project.exists("content/index.html"))
    }

    @Test func aConfigurationFileNamedButMissingIsAUsageError() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let missing = project.path("helpcenter-typo.yaml")
        let run = try await project.run("build", "--project", project.root.path, "--config", missing)
        #expect(run.status == 2, "\(run.output)")
        #expect(run.errors.contains("--config: no such file: \(missing)"), "\(run.errors)")
        #expect(!project.exists("_site/index.html"))
    }
}
