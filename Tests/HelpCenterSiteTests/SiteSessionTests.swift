import Foundation
import HelpCenterDiagnostics
import Testing
@testable import HelpCenterSite

@Suite("Rebuilding in a session")
struct SiteSessionTests {
    /// A copy of the fixture site in a temporary folder, so files can be edited.
    private func session() throws -> (SiteSession, URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("helpcenter-session-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: SiteTestSupport.fixtureSite, to: root)
        let builder = SiteBuilder(
            configuration: SiteTestSupport.fixtureConfiguration,
            content: DirectoryFileTree(root: root.appendingPathComponent("content"), displayName: "content"),
            templates: DirectoryFileTree(root: root.appendingPathComponent("templates"), displayName: "templates"))
        return (SiteSession(builder: builder), root)
    }

    @Test func anArticleEditRerendersOnlyThePagesThatShowIt() throws {
        let (session, root) = try session()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try session.rebuild()
        #expect(first.succeeded)
        #expect(first.changedPaths.contains("guides/settings/index.html"))
        let article = root.appendingPathComponent("content/guides/settings.md")
        let text = try String(contentsOf: article, encoding: .utf8).replacingOccurrences(of: "Changes apply at once.", with: "Changes apply after a minute.")
        try text.write(to: article, atomically: true, encoding: .utf8)
        let change = try session.rebuild(after: [SiteInputChange(.content, "guides/settings.md")])
        #expect(change.succeeded)
        #expect(change.changedPaths == ["assets/search-index.js", "guides/settings/index.html"])
        let page = String(decoding: try #require(session.files["guides/settings/index.html"]), as: UTF8.self)
        #expect(page.contains("Changes apply after a minute."))
    }

    @Test func aBrokenEditKeepsTheLastGoodSiteUntilFixed() throws {
        let (session, root) = try session()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try session.rebuild()
        let good = session.files
        let article = root.appendingPathComponent("content/guides/settings.md")
        let original = try String(contentsOf: article, encoding: .utf8)
        try original.replacingOccurrences(of: "title: Settings", with: "title: [broken").write(to: article, atomically: true, encoding: .utf8)
        let broken = try session.rebuild(after: [SiteInputChange(.content, "guides/settings.md")])
        #expect(!broken.succeeded)
        #expect(broken.diagnostics.contains { $0.severity == .error && $0.location.path == "content/guides/settings.md" && $0.message.contains("invalid YAML") })
        #expect(session.files == good)
        try original.write(to: article, atomically: true, encoding: .utf8)
        let fixed = try session.rebuild(after: [SiteInputChange(.content, "guides/settings.md")])
        #expect(fixed.succeeded)
        #expect(session.files == good)
    }

    @Test func removingAHeadingBreaksTheLinksToItFromOtherPages() throws {
        let (session, root) = try session()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try session.rebuild().succeeded)
        let article = root.appendingPathComponent("content/guides/settings.md")
        let original = try String(contentsOf: article, encoding: .utf8)
        try original.replacingOccurrences(of: "## Change a setting", with: "## Adjust a setting").write(to: article, atomically: true, encoding: .utf8)
        let change = try session.rebuild(after: [SiteInputChange(.content, "guides/settings.md")])
        #expect(!change.succeeded)
        #expect(change.diagnostics.contains { $0.id == "broken-anchor" && $0.location.path == "content/guides/first-steps.md" })
        try original.write(to: article, atomically: true, encoding: .utf8)
        #expect(try session.rebuild(after: [SiteInputChange(.content, "guides/settings.md")]).succeeded)
    }

    @Test func aNewArticleRebuildsTheWholeSite() throws {
        let (session, root) = try session()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try session.rebuild()
        try "---\ntitle: Brand new\norder: 9\n---\nHello.\n".write(to: root.appendingPathComponent("content/guides/brand-new.md"), atomically: true, encoding: .utf8)
        let change = try session.rebuild(after: [SiteInputChange(.content, "guides/brand-new.md")])
        #expect(change.succeeded)
        #expect(change.changedPaths.contains("guides/brand-new/index.html"))
        #expect(change.changedPaths.contains("guides/index.html"))
    }

    @Test func incrementalAndFullRebuildsAgree() throws {
        let (session, root) = try session()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try session.rebuild()
        let article = root.appendingPathComponent("content/guides/first-steps.md")
        let text = try String(contentsOf: article, encoding: .utf8).replacingOccurrences(of: "title: First steps", with: "title: First steps, revised")
        try text.write(to: article, atomically: true, encoding: .utf8)
        _ = try session.rebuild(after: [SiteInputChange(.content, "guides/first-steps.md")])
        let incremental = session.files
        let full = SiteSession(builder: session.builder)
        _ = try full.rebuild()
        // Related-article lists elsewhere may still show the old title; every other page agrees.
        let differing = incremental.keys.filter { incremental[$0] != full.files[$0] }.sorted()
        #expect(differing == ["guides/settings/index.html"] || differing.isEmpty)
    }

    /// The build renders bodies in a second pass and keeps none of them; the session keeps them
    /// all. Both must publish the same bytes, including summaries taken from first paragraphs.
    @Test func theBuildAndTheSessionPublishTheSameSite() throws {
        let (session, root) = try session()
        defer { try? FileManager.default.removeItem(at: root) }
        let article = root.appendingPathComponent("content/guides/no-description.md")
        try "---\ntitle: No description\n---\nIts summary comes from this first paragraph.\n\n## Details\n\nMore.\n"
            .write(to: article, atomically: true, encoding: .utf8)
        let change = try session.rebuild()
        #expect(change.succeeded)
        let output = InMemorySiteOutput()
        let report = try session.builder.build(into: output)
        #expect(!report.diagnostics.hasErrors)
        #expect(output.files.keys.sorted() == session.files.keys.sorted())
        let differing = output.files.keys.filter { output.files[$0] != session.files[$0] }.sorted()
        #expect(differing.isEmpty)
        #expect(output.text("guides/index.html")?.contains("Its summary comes from this first paragraph.") == true)
    }
}
