import Foundation
import HelpCenterDiagnostics
import Testing

@testable import HelpCenterSite
@testable import HelpCenterSiteFiles

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
        // The page, and of the search index the article's fragment, the shard of its words and the manifest (its average length).
        #expect(change.changedPaths == ["guides/settings/index.html", "search/index/d-1.js", "search/index/manifest.js", "search/index/t-_.js"])
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
        #expect(
            broken.diagnostics.contains { $0.severity == .error && $0.location.path == "content/guides/settings.md" && $0.message.contains("invalid YAML") })
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
        try "---\ntitle: Brand new\norder: 9\n---\nHello.\n".write(
            to: root.appendingPathComponent("content/guides/brand-new.md"), atomically: true, encoding: .utf8)
        let change = try session.rebuild(after: [SiteInputChange(.content, "guides/brand-new.md")])
        #expect(change.succeeded)
        #expect(change.changedPaths.contains("guides/brand-new/index.html"))
        #expect(change.changedPaths.contains("guides/index.html"))
    }

    /// Two articles after first-steps and settings: troubleshooting, and glossary, which lists
    /// first-steps among its related articles (the tag basics) and is no neighbour of either
    /// (so not rendered again for their pagers).
    private func addArticlesAfterTheOthers(_ root: URL) throws {
        let guides = root.appendingPathComponent("content/guides")
        try "---\ntitle: Troubleshooting\norder: 8\n---\nWhen something goes wrong.\n"
            .write(to: guides.appendingPathComponent("troubleshooting.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: Glossary\norder: 9\ntags: [basics]\n---\nThe words we use.\n"
            .write(to: guides.appendingPathComponent("glossary.md"), atomically: true, encoding: .utf8)
    }

    /// Edits that change glossary's related-articles list: first-steps (tags basics, setup)
    /// retitled or leaving it, settings (tag setup) joining it.
    static let relatedListEdits: [(article: String, from: String, to: String)] = [
        ("guides/first-steps.md", "title: First steps", "title: First steps, revised"),
        ("guides/first-steps.md", "tags: [basics, setup]", "tags: [setup]"),
        ("guides/settings.md", "tags: [setup]", "tags: [setup, basics]"),
    ]

    @Test(arguments: relatedListEdits)
    func incrementalAndFullRebuildsAgree(edit: (article: String, from: String, to: String)) throws {
        let (session, root) = try session()
        defer { try? FileManager.default.removeItem(at: root) }
        try addArticlesAfterTheOthers(root)
        #expect(try session.rebuild().succeeded)
        let listing = String(decoding: try #require(session.files["guides/glossary/index.html"]), as: UTF8.self)
        #expect(listing.contains("First steps</a>"))
        let article = root.appendingPathComponent("content").appendingPathComponent(edit.article)
        let text = try String(contentsOf: article, encoding: .utf8)
        #expect(text.contains(edit.from))
        try text.replacingOccurrences(of: edit.from, with: edit.to).write(to: article, atomically: true, encoding: .utf8)
        let change = try session.rebuild(after: [SiteInputChange(.content, edit.article)])
        #expect(change.succeeded)
        let full = SiteSession(builder: session.builder)
        #expect(try full.rebuild().succeeded)
        #expect(session.files.keys.sorted() == full.files.keys.sorted())
        let differing = session.files.keys.filter { session.files[$0] != full.files[$0] }.sorted()
        #expect(differing.isEmpty)
        #expect(change.changedPaths.contains("guides/glossary/index.html"))
    }

    /// Edits that move, hide, show or rename pages: each gives, incrementally, the very site a
    /// full rebuild gives. Before, the incremental path rendered only the edited page's
    /// neighbours and removed nothing: a page made a draft stayed published, an old alias kept
    /// its redirect, an article moved to the end stayed its old neighbour's "next", and a
    /// collection's new title reached only its own pages' headers.
    static let structuralEdits: [(article: String, from: String, to: String)] = [
        ("guides/troubleshooting.md", "title: Troubleshooting", "title: Troubleshooting\ndraft: true"),
        ("guides/draft-notes.md", "draft: true", "draft: false"),
        ("guides/first-steps.md", "order: 1", "order: 99"),
        ("guides/first-steps.md", "aliases: [/old/first-steps/]", "aliases: [/older/first-steps/]"),
        ("guides/_index.md", "title: Guides", "title: How-to guides"),
        // Articles without an order sort by title: a new title moves one past its neighbour.
        ("billing/pay.md", "title: Pay an invoice", "title: Zero an invoice"),
    ]

    @Test(arguments: structuralEdits)
    func structuralEditsGiveWhatAFullRebuildGives(edit: (article: String, from: String, to: String)) throws {
        let (session, root) = try session()
        defer { try? FileManager.default.removeItem(at: root) }
        try addArticlesAfterTheOthers(root)
        // A second collection, whose pages show the first one's title in their header.
        let billing = root.appendingPathComponent("content/billing")
        try FileManager.default.createDirectory(at: billing, withIntermediateDirectories: true)
        try "---\ntitle: Billing\norder: 2\n---\n".write(to: billing.appendingPathComponent("_index.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: Pay an invoice\n---\nPay it.\n".write(to: billing.appendingPathComponent("pay.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: Refund an invoice\n---\nRefund it.\n".write(to: billing.appendingPathComponent("refund.md"), atomically: true, encoding: .utf8)
        #expect(try session.rebuild().succeeded)
        let article = root.appendingPathComponent("content").appendingPathComponent(edit.article)
        let text = try String(contentsOf: article, encoding: .utf8)
        #expect(text.contains(edit.from))
        try text.replacingOccurrences(of: edit.from, with: edit.to).write(to: article, atomically: true, encoding: .utf8)
        let change = try session.rebuild(after: [SiteInputChange(.content, edit.article)])
        #expect(change.succeeded, "\(change.diagnostics)")
        let full = SiteSession(builder: session.builder)
        #expect(try full.rebuild().succeeded)
        #expect(session.files.keys.sorted() == full.files.keys.sorted())
        let differing = session.files.keys.filter { session.files[$0] != full.files[$0] }.sorted()
        #expect(differing.isEmpty, "\(edit.to): \(differing)")
    }

    /// Pages left unrendered by a failed rebuild are rendered by the next good one, even when
    /// that one is an edit to another article.
    @Test func aRebuildAfterAFailedOneRendersWhatTheFailedOneChanged() throws {
        let (session, root) = try session()
        defer { try? FileManager.default.removeItem(at: root) }
        try addArticlesAfterTheOthers(root)
        #expect(try session.rebuild().succeeded)
        // A new title, and a link to a heading that does not exist yet: an error.
        let firstSteps = root.appendingPathComponent("content/guides/first-steps.md")
        try String(contentsOf: firstSteps, encoding: .utf8)
            .replacingOccurrences(of: "title: First steps", with: "title: First steps, revised")
            .replacingOccurrences(of: "settings.md#change-a-setting", with: "settings.md#reset-everything")
            .write(to: firstSteps, atomically: true, encoding: .utf8)
        #expect(try !session.rebuild(after: [SiteInputChange(.content, "guides/first-steps.md")]).succeeded)
        // The heading is added to the other article: the site is good again.
        let settings = root.appendingPathComponent("content/guides/settings.md")
        try (String(contentsOf: settings, encoding: .utf8) + "\n## Reset everything\n\nStart again.\n")
            .write(to: settings, atomically: true, encoding: .utf8)
        #expect(try session.rebuild(after: [SiteInputChange(.content, "guides/settings.md")]).succeeded)
        let full = SiteSession(builder: session.builder)
        #expect(try full.rebuild().succeeded)
        let differing = session.files.keys.filter { session.files[$0] != full.files[$0] }.sorted()
        #expect(differing.isEmpty)
        let page = String(decoding: try #require(session.files["guides/glossary/index.html"]), as: UTF8.self)
        #expect(page.contains("First steps, revised</a>"))
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

    /// A written related section is the hand-picked part of the one list: it survives edits to
    /// the picked article that change what the generated part would hold.
    @Test func aHandPickedRelatedArticleStaysOnceThroughEditsToIt() throws {
        let (session, root) = try session()
        defer { try? FileManager.default.removeItem(at: root) }
        let settings = root.appendingPathComponent("content/guides/settings.md")
        try (String(contentsOf: settings, encoding: .utf8) + "\n## Related articles\n\n- [Start here](first-steps.md)\n").write(
            to: settings, atomically: true, encoding: .utf8)
        #expect(try session.rebuild().succeeded)
        func relatedLinks() throws -> [String] {
            let page = String(decoding: try #require(session.files["guides/settings/index.html"]), as: UTF8.self)
            return page.components(separatedBy: "<a class=\"related\" href=\"").dropFirst().map { String($0.prefix { $0 != "<" }) }
        }
        #expect(try relatedLinks() == ["../../guides/first-steps/\">Start here"])
        // First steps no longer shares a tag with Settings: the writer's pick still holds, once.
        let firstSteps = root.appendingPathComponent("content/guides/first-steps.md")
        try String(contentsOf: firstSteps, encoding: .utf8).replacingOccurrences(of: "tags: [basics, setup]", with: "tags: [basics]").write(
            to: firstSteps, atomically: true, encoding: .utf8)
        #expect(try session.rebuild(after: [SiteInputChange(.content, "guides/first-steps.md")]).succeeded)
        #expect(try relatedLinks() == ["../../guides/first-steps/\">Start here"])
    }
}
