import Foundation
import Testing

@Suite("helpcenter render")
struct RenderCommandTests {
    @Test func anArticleIsRenderedAsTheSiteRendersIt() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let run = try await project.run("render", project.path("content/basics/first-steps.md"))
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("<h2 id=\"sign-in\""), "\(run.output)")
        #expect(!run.output.contains("title: First steps"))
        #expect(run.errors.isEmpty)
    }

    @Test func strictGFMPrintsWhatLibcmarkGFMPrints() async throws {
        let project = try TestProject()
        defer { project.remove() }
        try project.write("# Title\n\n~~old~~ new\n", to: "plain.md")
        let run = try await project.run("render", "--strict-gfm", project.path("plain.md"))
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output == "<h1>Title</h1>\n<p><del>old</del> new</p>\n")
    }

    @Test func aMissingFileCannotBeRendered() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let run = try await project.run("render", project.path("missing.md"))
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix("helpcenter: error: cannot read \(project.path("missing.md")):"), "\(run.errors)")
    }
}
