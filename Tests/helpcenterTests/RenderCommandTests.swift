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

    @Test func aProjectArticleIsRenderedAsItsPageHasIt() async throws {
        let project = try TestProject()
        defer { project.remove() }
        try project.write(TestProject.nextSteps + "\n> [!RULE] one-method\n", to: "content/basics/next-steps.md")
        let run = try await project.run("render", project.path("content/basics/next-steps.md"))
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.isEmpty, "\(run.errors)")
        // The link as the page at basics/next-steps/ writes it, and the rule from the project's policy.
        #expect(run.output.contains("href=\"../../basics/first-steps/#sign-in\""), "\(run.output)")
        #expect(run.output.contains("href=\"../../policy/#rule-one-method\""), "\(run.output)")

        let build = try await project.run("build", "--project", project.path(""), "--output", project.path("_site"))
        #expect(build.status == 0, "\(build.errors)")
        #expect(try project.read("_site/basics/next-steps/index.html").contains(run.output.trimmingCharacters(in: .newlines)))
    }

    /// On its own, an article's rule callouts cannot be shown: said so, where the message
    /// blamed the project ("this project has no policy data"), which had a policy.
    @Test func aRuleCalloutRenderedOnItsOwnSaysWhyItIsNotShown() async throws {
        let project = try TestProject()
        defer { project.remove() }
        try project.write(TestProject.nextSteps + "\n> [!RULE] one-method\n", to: "content/basics/next-steps.md")
        let run = try await project.run("render", "--standalone", project.path("content/basics/next-steps.md"))
        #expect(run.status == 1)
        #expect(
            run.errors.contains(
                "error: [!RULE] one-method: the article is rendered on its own (standard input, --standalone, or a file outside a content folder), without a project's policy, so it cannot show its rules [unknown-rule]"
            ), "\(run.errors)")
        #expect(!run.errors.contains("no policy data"))
    }

    @Test func aProjectArticleGetsTheBuildsFindingsForItsLinks() async throws {
        let project = try TestProject()
        defer { project.remove() }
        try project.write("---\ntitle: Next steps\n---\n\nSee [the first steps](first-steps.md#sign-up).\n", to: "content/basics/next-steps.md")
        let run = try await project.run("render", project.path("content/basics/next-steps.md"))
        #expect(run.status == 1)
        #expect(run.errors.hasPrefix("\(project.path("content/basics/next-steps.md")):5:5: error: link to missing anchor '#sign-up'"), "\(run.errors)")
        #expect(run.errors.contains("its headings are #sign-in"), "\(run.errors)")

        let standalone = try await project.run("render", "--standalone", project.path("content/basics/next-steps.md"))
        #expect(standalone.status == 0, "\(standalone.errors)")
        #expect(!standalone.errors.contains("missing anchor"), "\(standalone.errors)")
    }

    @Test func aDraftIsRenderedWithDrafts() async throws {
        let project = try TestProject()
        defer { project.remove() }
        try project.write("name: Test Help\nlanguages:\n  en: { tag: en-GB, name: English }\n  fr: { tag: fr-FR, name: Français }\n", to: "helpcenter.yaml")
        try project.write("---\ntitle: Later\ndraft: true\n---\n\nNot yet.\n", to: "content/basics/later.md")
        try project.write("---\ntitle: Premiers pas\ndraft: true\n---\n\nPas encore.\n", to: "content/basics/first-steps.fr.md")
        for file in ["content/basics/later.md", "content/basics/first-steps.fr.md"] {
            let left = try await project.run("render", project.path(file))
            #expect(left.status == 2, "\(file)")
            #expect(left.errors.contains("\(file):1:1: error: this article is a draft (draft: true)"), "\(left.errors)")
            let shown = try await project.run("render", "--drafts", project.path(file))
            #expect(shown.status == 0, "\(shown.errors)")
            #expect(shown.output.contains("<p>Not yet.</p>") || shown.output.contains("<p>Pas encore.</p>"), "\(shown.output)")
        }
    }

    @Test func aFileOutsideTheContentFolderIsRenderedOnItsOwnWithANote() async throws {
        let project = try TestProject()
        defer { project.remove() }
        try project.write("---\ntitle: Notes\n---\n\nSee [x](elsewhere.md).\n", to: "notes/notes.md")
        let run = try await project.run("render", project.path("notes/notes.md"))
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.hasPrefix("helpcenter: note: \(project.path("notes/notes.md")) is not in the content folder"), "\(run.errors)")
    }

    @Test func aTranslationIsRenderedInItsLanguage() async throws {
        let project = try TestProject()
        defer { project.remove() }
        try project.write("name: Test Help\nlanguages:\n  en: { tag: en-GB, name: English }\n  fr: { tag: fr-FR, name: Français }\n", to: "helpcenter.yaml")
        try project.write("---\ntitle: Premiers pas\n---\n\n> [!NOTE]\n> Commencez ici.\n", to: "content/basics/first-steps.fr.md")
        let french = try await project.run("render", project.path("content/basics/first-steps.fr.md"))
        #expect(french.status == 0, "\(french.errors)")
        #expect(french.output.contains("Remarque"), "\(french.output)")

        try project.write("---\ntitle: Erste Schritte\n---\n\nHallo.\n", to: "content/basics/first-steps.de.md")
        let german = try await project.run("render", project.path("content/basics/first-steps.de.md"))
        #expect(german.status == 2)
        #expect(german.errors.contains("is not a page of the help centre"), "\(german.errors)")
    }

    @Test func strictGFMPrintsWhatLibcmarkGFMPrints() async throws {
        let project = try TestProject()
        defer { project.remove() }
        try project.write("# Title\n\n~~old~~ new\n", to: "plain.md")
        let run = try await project.run("render", "--strict-gfm", project.path("plain.md"))
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output == "<h1>Title</h1>\n<p><del>old</del> new</p>\n")
    }

    @Test func aFolderOrAnOversizedFileIsRefusedByWhatItIs() async throws {
        let project = try TestProject()
        defer { project.remove() }
        try FileManager.default.createDirectory(atPath: project.path("folder.md"), withIntermediateDirectories: true)
        let folder = try await project.run("render", project.path("folder.md"))
        #expect(folder.status == 2)
        #expect(folder.errors.contains("cannot read \(project.path("folder.md")): it is not a regular file"), "\(folder.errors)")

        try project.write(String(repeating: "word ", count: 130_000), to: "large.md")
        let large = try await project.run("render", project.path("large.md"))
        #expect(large.status == 2)
        #expect(large.errors.contains("the file is 650000 bytes, more than the"), "\(large.errors)")
    }

    @Test func aPipeNamedAsTheFileIsRefusedWithoutWaiting() async throws {
        let project = try TestProject()
        defer { project.remove() }
        #expect(mkfifo(project.path("content/basics/pipe.md"), 0o644) == 0)
        let run = try await project.run("render", project.path("content/basics/pipe.md"))
        #expect(run.status == 2)
        #expect(run.errors.contains("it is not a regular file"), "\(run.errors)")
    }

    @Test func aMissingFileCannotBeRendered() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let run = try await project.run("render", project.path("missing.md"))
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix("helpcenter: error: cannot read \(project.path("missing.md")):"), "\(run.errors)")
    }
}
