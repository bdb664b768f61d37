import Foundation
import HelpCenterDiagnostics
import Testing

@testable import HelpCenterSite
@testable import HelpCenterSiteFiles

/// `urls: files`: each article written as `collection/article.html`, with every link, address
/// and index entry following it; `folders` (the default) as before.
@Suite struct PageLayoutTests {
    static let content: [String: String] = [
        "_index.md": "---\ntitle: Home\n---\nWelcome.\n",
        "guides/_index.md": "---\ntitle: Guides\n---\nGuides.\n",
        "guides/first.md": "---\ntitle: First steps\ntags: [start]\n---\nSee [the second](second.md#more) and ![a screen](images/screen.png).\n",
        "guides/second.md": "---\ntitle: Second steps\ntags: [start]\naliases: [/old/second/]\n---\n## More\nBack to [the first](first.md).\n",
        "guides/images/screen.png": "not really a PNG",
    ]

    static func build(_ layout: PageLayout) throws -> (BuildReport, InMemoryStagedSite) {
        var configuration = ReaderNavigationTests.configuration()
        configuration.pageLayout = layout
        return try ReaderNavigationTests.build(content, configuration: configuration)
    }

    @Test func filesLayoutWritesOneHTMLFilePerArticleAndLinksToIt() throws {
        let (report, site) = try Self.build(.files)
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        #expect(site.files["guides/first/index.html"] == nil)
        let first = try #require(site.text("guides/first.html"))
        // From a file one folder down: the root is one level up, siblings are beside it.
        #expect(first.contains("href=\"../assets/style.css\""))
        #expect(first.contains("href=\"../guides/second.html#more\""))
        #expect(first.contains("src=\"../guides/images/screen.png\""))
        #expect(first.contains("href=\"../guides/\""))
        #expect(first.contains("<link rel=\"canonical\" href=\"https://help.example.com/docs/guides/first.html\">"))
        // The related list (shared tag), the collection page and the alias lead to the file.
        #expect(first.contains("href=\"../guides/second.html\""))
        #expect(try #require(site.text("guides/index.html")).contains("href=\"../guides/first.html\""))
        #expect(try #require(site.text("old/second/index.html")).contains("../../guides/second.html"))
        #expect(try #require(site.text("sitemap.xml")).contains("<loc>https://help.example.com/docs/guides/second.html</loc>"))
        let fragments = site.files.filter { $0.key.hasPrefix("search/index/d-") }.values.map { String(decoding: $0, as: UTF8.self) }
        #expect(fragments.contains { $0.contains("\"u\":\"guides/first.html\"") })
    }

    @Test func foldersLayoutIsTheDefaultAndUnchanged() throws {
        #expect(SiteConfiguration().pageLayout == .folders)
        let (report, site) = try Self.build(.folders)
        #expect(!report.diagnostics.hasErrors)
        let first = try #require(site.text("guides/first/index.html"))
        #expect(first.contains("href=\"../../guides/second/#more\""))
        #expect(first.contains("src=\"../../guides/images/screen.png\""))
        #expect(site.files["guides/first.html"] == nil)
    }

    @Test func anArticleNamedIndexWouldReplaceItsCollectionsPageWithFiles() throws {
        var configuration = ReaderNavigationTests.configuration()
        configuration.pageLayout = .files
        var content = Self.content
        content["guides/index.md"] = "---\ntitle: Index\n---\nText.\n"
        let (report, _) = try ReaderNavigationTests.build(content, configuration: configuration)
        #expect(
            report.diagnostics.map(\.description).contains(
                "content/guides/index.md:1:1: error: with urls: files this article would be written as its collection's page (index.html); rename the file [address]"
            ))
        // With folders it is guides/index/, beside the collection's page.
        let (folders, site) = try ReaderNavigationTests.build(content)
        #expect(!folders.diagnostics.hasErrors)
        #expect(site.text("guides/index/index.html") != nil)
    }

    @Test(arguments: [(PageLayout.files, "guides/first.html"), (PageLayout.folders, "guides/first/index.html")])
    func aContentFileWherePageIsWrittenIsAnError(layout: PageLayout, path: String) throws {
        var configuration = ReaderNavigationTests.configuration()
        configuration.pageLayout = layout
        var content = Self.content
        content[path] = "<p>Not the article.</p>"
        let (report, _) = try ReaderNavigationTests.build(content, configuration: configuration)
        #expect(
            report.diagnostics.map(\.description).contains(
                "content/\(path):1:1: error: this file would be published as \(path), where the site writes the article content/guides/first.md; rename or move it [address]"
            ))
    }

    @Test func theConfigurationNamesTheLayoutOrSaysWhatItTakes() {
        let (files, none) = SiteConfiguration.parse("name: X\nurls: files\n", path: "helpcenter.yaml")
        #expect(none.isEmpty)
        #expect(files.pageLayout == .files)
        let (wrong, problems) = SiteConfiguration.parse("name: X\nurls: pretty\n", path: "helpcenter.yaml")
        #expect(wrong.pageLayout == .folders)
        #expect(
            problems.map(\.description) == [
                "helpcenter.yaml:2:7: error: 'urls' must be 'folders' (collection/article/, the default) or 'files' (collection/article.html), found 'pretty' [config]"
            ])
    }

    @Test func pageFilesAndDepths() {
        #expect(ContentPath.pageFile("") == "index.html")
        #expect(ContentPath.pageFile("guides/first/") == "guides/first/index.html")
        #expect(ContentPath.pageFile("guides/first.html") == "guides/first.html")
        #expect(ContentPath.folderDepth("") == 0)
        #expect(ContentPath.folderDepth("guides/first/") == 2)
        #expect(ContentPath.folderDepth("fr/guides/first.html") == 2)
    }
}
