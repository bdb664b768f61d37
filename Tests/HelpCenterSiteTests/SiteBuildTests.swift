import Foundation
import HelpCenterDiagnostics
import HelpCenterMarkdown
import HelpCenterSiteFiles
import Testing

@testable import HelpCenterSite

@Suite("Site builds")
struct SiteBuildTests {
    @Test func buildsEveryPageOfTheFixtureSite() throws {
        let (report, output) = try SiteTestSupport.buildFixture()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.articleCount == 2)
        let paths = Set(output.files.keys)
        for path in [
            "index.html", "guides/index.html", "guides/first-steps/index.html", "guides/settings/index.html",
            "404.html", "sitemap.xml", "old/first-steps/index.html", "assets/site.css", "search/index.html",
            "search/index/manifest.js", "search/index/t-_.js", "search/index/d-0.js", "search/index/d-1.js",
            "guides/images/screen.png", "guides/images/diagram.svg",
        ] {
            #expect(paths.contains(path), "missing \(path)")
        }
        #expect(!paths.contains("guides/draft-notes/index.html"))
    }

    /// Golden pages of the fixture site. To accept a reviewed change, run the tests with
    /// HELPCENTER_UPDATE_GOLDEN=1 and commit the files under Fixtures/golden.
    @Test(arguments: [
        "index.html", "guides/index.html", "guides/first-steps/index.html", "guides/settings/index.html", "404.html",
        "sitemap.xml", "old/first-steps/index.html", "search/index.html", "search/index/manifest.js",
        "search/index/t-_.js", "search/index/d-0.js",
    ])
    func matchesGoldenHTML(_ path: String) throws {
        let (_, output) = try SiteTestSupport.buildFixture()
        let actual = try #require(output.text(path))
        let goldenName = path.replacingOccurrences(of: "/", with: "__")
        if ProcessInfo.processInfo.environment["HELPCENTER_UPDATE_GOLDEN"] == "1" {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden/\(goldenName)")
            try actual.write(to: source, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: SiteTestSupport.goldenFolder.appendingPathComponent(goldenName), encoding: .utf8)
        #expect(actual == expected)
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let (_, first) = try SiteTestSupport.buildFixture()
        let (_, second) = try SiteTestSupport.buildFixture()
        #expect(first.files == second.files)
    }

    @Test func draftsArePublishedOnlyWhenAskedWithABadge() throws {
        let (_, output) = try SiteTestSupport.buildFixture(includeDrafts: true)
        let page = try #require(output.text("guides/draft-notes/index.html"))
        #expect(page.contains("Draft notes"))
    }

    @Test func linksToMissingAnchorsAndDraftsAreErrorsAndNothingIsWritten() throws {
        let (report, output) = try SiteTestSupport.buildFixture(content: [
            "guides/broken.md": "---\ntitle: Broken\n---\nSee [x](settings.md#nowhere) and [y](draft-notes.md).\n"
        ])
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 2)
        #expect(errors.allSatisfy { $0.location.path == "content/guides/broken.md" && $0.location.line == 4 })
        #expect(errors.contains { $0.message.contains("'#nowhere'") && $0.message.contains("#change-a-setting") })
        #expect(errors.contains { $0.message.contains("draft") })
        #expect(output.files.isEmpty)
    }

    @Test func aliasCollidingWithAPageIsAnError() throws {
        let (report, _) = try SiteTestSupport.buildFixture(content: [
            "guides/moved.md": "---\ntitle: Moved\naliases: [/guides/settings/, ../escape]\n---\nText\n"
        ])
        let errors = report.diagnostics.filter { $0.id == "alias" }
        #expect(errors.count == 2)
        #expect(errors.allSatisfy { $0.location.line == 3 })
        // The error names what already writes the address, so the writer knows which to change.
        #expect(errors.contains { $0.message.contains("guides/settings/index.html, where the site writes the article content/guides/settings.md") })
    }

    @Test func aliasTakenByAnotherAliasNamesIt() throws {
        let (report, _) = try SiteTestSupport.buildFixture(content: [
            "guides/moved.md": "---\ntitle: Moved\naliases: [/old/place/]\n---\nText\n",
            "guides/other.md": "---\ntitle: Other\naliases:\n  - /old/place/\n---\nText\n",
        ])
        let errors = report.diagnostics.filter { $0.id == "alias" }
        #expect(errors.count == 1)
        #expect(errors.first?.location.path == "content/guides/other.md")
        #expect(errors.first?.message.contains("where the site writes the redirect of the alias at content/guides/moved.md:3:") == true)
    }

    @Test func redirectPagesLeadToTheArticleRelatively() throws {
        let (_, output) = try SiteTestSupport.buildFixture()
        let page = try #require(output.text("old/first-steps/index.html"))
        #expect(page.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../guides/first-steps/\">"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/help/guides/first-steps/\">"))
    }

    @Test func frontMatterValuesAreEscaped() throws {
        let (report, output) = try SiteTestSupport.buildFixture(content: [
            "guides/xss.md": "---\ntitle: \"<script>alert(1)</script>\"\ndescription: '\" onmouseover=\"x'\nauthor: <img src=x onerror=alert(1)>\n---\nText\n"
        ])
        #expect(!report.diagnostics.hasErrors)
        let page = try #require(output.text("guides/xss/index.html"))
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<img src=x"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func everyPageLinksRelativelySoSubPathsWork() throws {
        let (_, output) = try SiteTestSupport.buildFixture()
        let article = try #require(output.text("guides/first-steps/index.html"))
        #expect(article.contains("href=\"../../assets/site.css\""))
        #expect(article.contains("<a href=\"../../guides/settings/#change-a-setting\">the settings guide</a>"))
        let home = try #require(output.text("index.html"))
        #expect(home.contains("href=\"./assets/site.css\""))
        let notFound = try #require(output.text("404.html"))
        #expect(notFound.contains("href=\"/help/assets/site.css\""))
    }

    @Test func sitemapListsAbsoluteURLsWithDates() throws {
        let (_, output) = try SiteTestSupport.buildFixture()
        let sitemap = try #require(output.text("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.org/help/guides/settings/</loc><lastmod>2026-11-02</lastmod>"))
        #expect(!sitemap.contains("draft-notes"))
    }

    @Test func contentInTheWrongPlaceIsReported() throws {
        let (report, _) = try SiteTestSupport.buildFixture(content: [
            "stray.md": "---\ntitle: Stray\n---\n", "guides/deep/nested.md": "---\ntitle: Nested\n---\n",
            "assets/x.md": "---\ntitle: X\n---\n",
        ])
        #expect(report.diagnostics.filter { $0.id == "content-layout" && $0.severity == .warning }.count == 3)
        #expect(report.diagnostics.contains { $0.id == "content-layout" && $0.severity == .error && $0.message.contains("'assets'") })
    }

    @Test func invalidUTF8AndBinaryFilesAreErrorsWithPositions() throws {
        var files: [String: Data] = [:]
        let tree = SiteTestSupport.fixtureTree("content")
        for path in try tree.listFiles() { files[path] = try tree.read(path) }
        files["guides/bad.md"] = Data("---\ntitle: Bad\n---\nok\n".utf8) + Data([0xC3, 0x28])
        files["guides/binary.md"] = Data([0x00, 0x01, 0x02])
        let builder = SiteBuilder(
            configuration: SiteTestSupport.fixtureConfiguration,
            content: InMemoryFileTree(data: files, displayPrefix: "content/"),
            templates: SiteTestSupport.fixtureTree("templates"))
        let report = try builder.build(into: InMemorySiteOutput())
        let encoding = report.diagnostics.filter { $0.id == "encoding" }
        #expect(encoding.map(\.location.path) == ["content/guides/bad.md", "content/guides/binary.md"])
        #expect(encoding[0].location.line == 5)
    }
}

@Suite("Search index")
struct SiteSearchIndexTests {
    /// Every script of the index, by name.
    static func scripts(_ output: InMemoryStagedSite) -> [String: String] {
        var scripts: [String: String] = [:]
        for path in output.files.keys where path.hasPrefix("search/index/") {
            scripts[String(path.dropFirst("search/index/".count))] = output.text(path)
        }
        return scripts
    }

    @Test func indexesEveryPublishedArticleWithItsSectionsAndStems() throws {
        let (_, output) = try SiteTestSupport.buildFixture()
        let scripts = Self.scripts(output)
        #expect(Set(scripts.keys) == ["manifest.js", "t-_.js", "d-0.js", "d-1.js"])
        let first = try #require(scripts["d-0.js"])
        #expect(
            first.hasPrefix("window.HelpCenterSearch&&HelpCenterSearch.loaded(\"d-0\",{\"t\":\"First steps\",\"u\":\"guides/first-steps/\",\"c\":\"Guides\""))
        // Headings with their ids, so that a result links to its section.
        #expect(first.contains("[\"before-you-begin\",\"Before you begin\"]"))
        let shard = try #require(scripts["t-_.js"])
        #expect(shard.contains("\"recovery\":\"recoveri\""))
        #expect(!scripts.values.contains { $0.contains("Draft notes") })
        let manifest = try #require(scripts["manifest.js"])
        #expect(manifest.contains("\"documents\":2"))
    }

    /// The body's text reaches the index block by block, under the heading it follows: table
    /// cells and list items apart (a snippet never runs two cells together), headings and code
    /// blocks not as body text.
    @Test func theBodyIsCollectedByBlockUnderItsHeading() {
        let body = SiteTestSupport.renderBody(
            "Intro text.\n\n## Lost phone\n\n| Case | Do |\n|---|---|\n| Lost it | Remove it |\n\n- First item\n- Second *item*\n\n```\ncode here\n```\n")
        #expect(
            body.searchBlocks == [
                .init(section: nil, text: "Intro text."), .init(section: 0, text: "Case"), .init(section: 0, text: "Do"),
                .init(section: 0, text: "Lost it"), .init(section: 0, text: "Remove it"), .init(section: 0, text: "First item"),
                .init(section: 0, text: "Second item"),
            ])
    }

    /// `--no-search-index` leaves out the index and all of its work (no article's text is
    /// collected into a search document, in the build or in the preview), and nothing else:
    /// every other file is the same as with the index.
    @Test func withoutTheIndexOnlyTheIndexIsLeftOut() throws {
        var builds: [InMemoryStagedSite] = []
        var previews: [[String: Data]] = []
        for searchIndex in [true, false] {
            let builder = SiteBuilder(
                configuration: SiteTestSupport.fixtureConfiguration, content: SiteTestSupport.fixtureTree("content"),
                templates: SiteTestSupport.fixtureTree("templates"), options: BuildOptions(searchIndex: searchIndex))
            let output = InMemoryStagedSite()
            let outcome = try SitePublisher.run(into: output) { try builder.build(into: $0) }
            #expect(!outcome.build.diagnostics.hasErrors)
            builds.append(output)
            let entries = try builder.listContent().0
            let settings = try #require(entries.first { $0.sourcePath == "guides/settings.md" })
            let record = builder.readPage(settings, index: builder.makeIndex(entries))
            #expect((record.body?.search != nil) == searchIndex)
            let session = SiteSession(builder: builder)
            _ = try session.rebuild()
            previews.append(session.files)
        }
        let (with, without) = (builds[0].files, builds[1].files)
        #expect(with.keys.contains { $0.hasPrefix("search/index/") })
        #expect(!without.keys.contains { $0.hasPrefix("search/index/") })
        #expect(with.filter { !$0.key.hasPrefix("search/index/") } == without)
        #expect(previews[0].keys.contains { $0.hasPrefix("search/index/") })
        #expect(!previews[1].keys.contains { $0.hasPrefix("search/index/") })

        var context = ArticleBodyContext(sourcePath: "guides/page.md", displayPath: "content/guides/page.md", sitePath: "guides/page/")
        let document = try MarkdownParser.parse("Intro text.\n\n## Lost phone\n\n- First item\n")
        let collected = ArticleBodyRenderer.render(document, context: context, index: ContentIndex())
        context.collectsSearchText = false
        let skipped = ArticleBodyRenderer.render(document, context: context, index: ContentIndex())
        #expect(collected.searchBlocks.count == 2)
        #expect(skipped.searchBlocks.isEmpty)
        #expect(skipped.html == collected.html)
    }
}

@Suite("Related articles")
struct RelatedArticlesTests {
    private func article(_ title: String, _ tags: [String]) -> String {
        "---\ntitle: \(title)\ntags: [\(tags.joined(separator: ", "))]\n---\nText.\n"
    }

    private func relatedTitles(_ page: String) -> [String] {
        page.components(separatedBy: "<a class=\"related\" href=\"").dropFirst().compactMap { link in
            link.split(separator: ">", maxSplits: 1).last?.split(separator: "<").first.map(String.init)
        }
    }

    /// Most tags shared first; at the same count, the article's own collection first; then by
    /// title; at most five; the article itself and articles sharing no tag never appear (also
    /// when another article with the same tags in the same collection shares its ranking).
    @Test func rankedBySharedTagsThenCollectionThenTitle() throws {
        let (_, output) = try SiteTestSupport.buildFixture(content: [
            "near/_index.md": "---\ntitle: Near\n---\n",
            "far/_index.md": "---\ntitle: Far\n---\n",
            "near/target.md": article("Target", ["rx", "ry"]),
            "near/two.md": article("Two", ["rx", "ry"]),
            "near/one.md": article("One", ["rx"]),
            "near/zeta.md": article("Zeta", ["ry"]),
            "far/three.md": article("Three", ["ry", "rx"]),
            "far/alpha.md": article("Alpha", ["rx", "ry", "rz"]),
            "far/four.md": article("Four", ["ry"]),
            "far/none.md": article("None", ["rz"]),
        ])
        let target = try #require(output.text("near/target/index.html"))
        #expect(relatedTitles(target) == ["Two", "Alpha", "Three", "One", "Zeta"])
        // Same tags in the same collection as Target: the one ranking serves both, each without itself.
        let two = try #require(output.text("near/two/index.html"))
        #expect(relatedTitles(two) == ["Target", "Alpha", "Three", "One", "Zeta"])
        // Same tags as Target in the other collection: its own ranking, its own collection first.
        let three = try #require(output.text("far/three/index.html"))
        #expect(relatedTitles(three) == ["Alpha", "Target", "Two", "Four", "One"])
        let four = try #require(output.text("far/four/index.html"))
        #expect(relatedTitles(four) == ["Alpha", "Three", "Target", "Two", "Zeta"])
        let none = try #require(output.text("far/none/index.html"))
        #expect(relatedTitles(none) == ["Alpha"])
    }
}
