import Foundation
import Testing

@Suite("helpcenter new article")
struct NewCommandTests {
    @Test func anArticleIsWrittenWithItsFrontMatter() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let run = try await project.run("new", "article", "Reset your password", "--collection", "basics", "--project", project.root.path)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output == "Wrote \(project.path("content"))/basics/reset-your-password.md\n")
        let article = try project.read("content/basics/reset-your-password.md")
        #expect(article.hasPrefix("---\ntitle: \"Reset your password\"\n"), "\(article)")
        #expect(article.contains("order: 3\n"))
        #expect(try await project.run("build", "--project", project.root.path).status == 0)
    }

    @Test func anExistingArticleIsNeverOverwritten() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let run = try await project.run("new", "article", "First steps", "--collection", "basics", "--project", project.root.path)
        #expect(run.status == 2)
        #expect(run.errors == "helpcenter: error: \(project.path("content"))/basics/first-steps.md already exists; choose another title or edit that file\n")
        #expect(try project.read("content/basics/first-steps.md").contains("Sign in with your email."))
    }

    @Test func anUnknownCollectionIsNamedWithTheKnownOnes() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let run = try await project.run("new", "article", "Hello", "--collection", "guides", "--project", project.root.path)
        #expect(run.status == 2)
        #expect(run.errors.contains("there is no collection 'guides'"), "\(run.errors)")
        #expect(run.errors.contains("(collections: _index.md, basics)") || run.errors.contains("collections: basics"))
    }
}
