import Foundation
import HelpCenterCalendar
import HelpCenterDiagnostics
import Testing

@testable import HelpCenterSite
@testable import HelpCenterSiteFiles

/// What the listing leaves out is said, with the path: hidden Markdown files, collections
/// without articles, empty folders.
@Suite("Content left out of the site")
struct ContentLayoutWarningTests {
    private func warnings(_ report: BuildReport) -> [String: String] {
        Dictionary(report.diagnostics.filter { $0.severity == .warning && $0.id == "content-layout" }.map { ($0.location.path, $0.message) }) { first, _ in
            first
        }
    }

    @Test(arguments: ["guides/.draft.md", "guides/..md", "guides/.md"])
    func hiddenPagesAreWarnedAbout(path: String) throws {
        let (report, output) = try SiteTestSupport.buildFixture(content: [path: "---\ntitle: Hidden\n---\nText.\n"])
        #expect(report.succeeded)
        #expect(warnings(report)["content/" + path]?.contains("hidden file") == true)
        #expect(!output.files.keys.contains { $0.contains("draft/") || $0.hasPrefix("guides/./") })
    }

    /// A Markdown file with another extension was copied as a static file: a draft's text and
    /// front matter were published as they are.
    @Test(arguments: [
        ("guides/secret.MD", "only files ending in '.md' are articles"), ("guides/secret.markdown", "only files ending in '.md' are articles"),
        ("guides/secret.Mdown", "only files ending in '.md' are articles"), ("secret.mkd", "only files ending in '.md' are articles"),
        ("guides/secret.md.orig", "backup copy"), ("guides/secret.md.BAK", "backup copy"),
    ])
    func markdownWithAnotherExtensionIsWarnedAboutAndNotPublished(path: String, warning: String) throws {
        let (report, output) = try SiteTestSupport.buildFixture(content: [path: "---\ntitle: Secret\ndraft: true\n---\nSecret.\n"])
        #expect(report.succeeded)
        #expect(warnings(report)["content/" + path]?.contains(warning) == true)
        #expect(!output.files.keys.contains { $0.contains("secret") })
        #expect(!output.files.values.contains { String(decoding: $0, as: UTF8.self).contains("Secret.") })
    }

    @Test(arguments: ["guides/notes.txt", "guides/data.mdx", "guides/archive.md.zip"])
    func otherExtensionsAreStillStaticFiles(path: String) throws {
        let (report, output) = try SiteTestSupport.buildFixture(content: [path: "x"])
        #expect(report.succeeded)
        #expect(warnings(report)["content/" + path] == nil)
        #expect(output.files[path] != nil)
    }

    /// Two articles of a collection with one title were listed twice, alike, without a word.
    @Test func twoArticlesWithOneTitleAreWarnedAbout() throws {
        let (report, _) = try SiteTestSupport.buildFixture(content: ["guides/copy.md": "---\ntitle: \" first STEPS\"\n---\nText.\n"])
        #expect(report.succeeded)
        let warning = try #require(report.diagnostics.first { $0.id == "duplicate-title" })
        #expect(warning.severity == .warning)
        #expect(warning.message.hasPrefix("another article of this collection, content/guides/"), "\(warning.message)")
        #expect(report.diagnostics.filter { $0.id == "duplicate-title" }.count == 1)
        // At the later one's title (it was at 1:1: session 24's writer trial).
        #expect(warning.location.line == 2 && warning.location.column == 8, "\(warning.location)")
    }

    /// The skeleton of `helpcenter new article`, published as it was written: a warning at each
    /// placeholder (it went live without a word once `draft: true` was removed: session 24's
    /// writer trial).
    @Test func aPublishedSkeletonIsWarnedAboutAtEachPlaceholder() throws {
        let date = try #require(CalendarDate(parsing: "2026-12-01"))
        let scaffold = ArticleScaffold(title: "Fresh", collection: "guides", updated: date, author: nil, order: 9)
        let published = scaffold.text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("draft:") }.joined(separator: "\n")
        let (report, _) = try SiteTestSupport.buildFixture(content: [scaffold.path: published])
        #expect(report.succeeded)
        let placeholders = report.diagnostics.filter { $0.id == "placeholder-text" }
        #expect(placeholders.count == ArticleScaffold.placeholders.count, "\(report.diagnostics)")
        #expect(placeholders.allSatisfy { $0.severity == .warning && $0.location.path == "content/guides/fresh.md" })
        // The renderer's length filter lets every placeholder through.
        #expect(ArticleScaffold.placeholders.allSatisfy { ArticleScaffold.mayBePlaceholder(count: $0.utf8.count) })
    }

    @Test func hiddenFilesOtherThanPagesStayQuiet() throws {
        let (report, _) = try SiteTestSupport.buildFixture(content: ["guides/.DS_Store": "x", ".git/config": "x"])
        #expect(warnings(report).keys.allSatisfy { !$0.contains(".DS_Store") && !$0.contains(".git") })
    }

    @Test func aCollectionWithoutArticlesIsWarnedAbout() throws {
        let (report, output) = try SiteTestSupport.buildFixture(content: ["billing/_index.md": "---\ntitle: Billing\n---\n"])
        #expect(report.succeeded)
        #expect(warnings(report)["content/billing/_index.md"]?.contains("collection 'billing' has no articles") == true)
        #expect(output.files["billing/index.html"] == nil)
    }

    @Test func anEmptyFolderOnDiskIsWarnedAbout() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("helpcenter-empty-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: SiteTestSupport.fixtureSite.appendingPathComponent("content"), to: root)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("billing"), withIntermediateDirectories: true)
        try Data().write(to: root.appendingPathComponent("billing/.gitkeep"))
        let builder = SiteBuilder(
            configuration: SiteTestSupport.fixtureConfiguration, content: DirectoryFileTree(root: root, displayName: "content"),
            templates: SiteTestSupport.fixtureTree("templates"))
        let report = try builder.build(into: InMemorySiteOutput())
        #expect(report.succeeded)
        #expect(warnings(report)["content/billing"]?.contains("empty folder") == true)
    }
}
