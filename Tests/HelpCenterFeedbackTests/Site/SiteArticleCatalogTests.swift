import Foundation
import Testing

@testable import HelpCenterFeedback

@Suite struct SiteArticleCatalogTests {
    static func page(path: String, title: String = "Reset &amp; recover", updated: String? = "2026-11-29", body: String = "<p>Steps</p>") -> String {
        """
        <main><article class="article"><header><h1 id="article-title">\(title)</h1></header>
        <div class="article-body">\(body)</div>
        </article>
        <section class="feedback" id="feedback" data-article="\(path)"\(updated.map { " data-updated=\"\($0)\"" } ?? "") data-endpoint="http://x/">
        </section></main>
        """
    }

    @Test func anArticlePageGivesPathTitleAndDate() throws {
        let article = try #require(SiteArticleCatalog.article(fromPage: Self.page(path: "accounts/reset/")))
        #expect(article.path == "accounts/reset/")
        #expect(article.title == "Reset & recover")
        #expect(article.updated == "2026-11-29")
        #expect(article.revision.count == 12)
    }

    @Test func anEditedBodyHasAnotherRevision() throws {
        let before = try #require(SiteArticleCatalog.article(fromPage: Self.page(path: "a/", body: "<p>Old</p>")))
        let after = try #require(SiteArticleCatalog.article(fromPage: Self.page(path: "a/", body: "<p>New</p>")))
        #expect(before.revision != after.revision)
    }

    @Test func aPageWithoutFeedbackBoxIsNoArticle() {
        #expect(SiteArticleCatalog.article(fromPage: "<html><h1>Search</h1></html>") == nil)
    }

    @Test func aBuiltFolderIsReadAndAMissingOneRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("feedback-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for path in ["one/first/", "one/second/"] {
            let directory = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(Self.page(path: path).utf8).write(to: directory.appendingPathComponent("index.html"))
        }
        try Data("<html>home</html>".utf8).write(to: folder.appendingPathComponent("index.html"))
        let catalog = try SiteArticleCatalog.load(site: folder.path)
        #expect(catalog.count == 2)
        #expect(catalog["one/second/"] != nil)
        #expect(throws: SiteArticleCatalogError.self) { try SiteArticleCatalog.load(site: folder.path + "-missing") }
    }

    @Test func articlesWrittenAsFilesAreRead() throws {
        // `urls: files`: one/first.html, not one/first/index.html.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("feedback-files-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("one"), withIntermediateDirectories: true)
        for name in ["first", "second"] {
            try Data(Self.page(path: "one/\(name).html").utf8).write(to: folder.appendingPathComponent("one/\(name).html"))
        }
        try Data("<html>home</html>".utf8).write(to: folder.appendingPathComponent("index.html"))
        let catalog = try SiteArticleCatalog.load(site: folder.path)
        #expect(catalog.count == 2)
        #expect(catalog["one/second.html"] != nil)
    }
}
