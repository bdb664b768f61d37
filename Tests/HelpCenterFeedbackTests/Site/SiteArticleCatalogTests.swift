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

    @Test func theRevisionIsTheHashOfTitleAndBodyAsPublished() throws {
        let page = Self.page(path: "a/")
        let article = try #require(SiteArticleCatalog.article(fromPage: page))
        // `sha256sum` of the bytes from `<h1 id="article-title">` to `</article>` (12 hex
        // digits): a vote keeps its revision when the collector is upgraded.
        #expect(article.revision == "b0cdb8456a16")
        // What is outside the title and body does not count; a byte-order mark is dropped.
        let moved = try #require(SiteArticleCatalog.article(fromPage: "<nav>Other menu</nav>" + page.replacingOccurrences(of: "http://x/", with: "https://y/")))
        #expect(moved.revision == article.revision)
        let marked = try #require(SiteArticleCatalog.article(fromPage: [0xEF, 0xBB, 0xBF] + Array(page.utf8)))
        #expect(marked == article)
    }

    @Test func aPageThatIsNotUTF8IsNoArticle() {
        var bytes = Array(Self.page(path: "a/").utf8)
        bytes.insert(0xFF, at: 10)
        #expect(SiteArticleCatalog.article(fromPage: bytes) == nil)
    }

    @Test func markersAreFoundWhereverTheyAre() {
        #expect(SiteArticleCatalog.find("ab", in: Array("xaab".utf8)[...]) == 2..<4)
        #expect(SiteArticleCatalog.find("ab", in: Array("ab".utf8)[...]) == 0..<2)
        #expect(SiteArticleCatalog.find("ab", in: Array("xaxa".utf8)[...]) == nil)
        #expect(SiteArticleCatalog.find("abc", in: Array("ab".utf8)[...]) == nil)
        // A slice keeps its array's positions.
        let bytes = Array("abab".utf8)
        #expect(SiteArticleCatalog.find("ab", in: bytes[1...]) == 2..<4)
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
