import HelpCenterDiagnostics
import Testing

@testable import HelpCenterSite
@testable import HelpCenterTemplates

@Suite("Table of contents")
struct TableOfContentsTests {
    private static let headings = [
        ArticleHeading(level: 3, text: "Before any section", id: "before-any-section"),
        ArticleHeading(level: 2, text: "Set up", id: "set-up"),
        ArticleHeading(level: 3, text: "By phone", id: "by-phone"),
        ArticleHeading(level: 4, text: "Landlines", id: "landlines"),
        ArticleHeading(level: 3, text: "By email", id: "by-email"),
        ArticleHeading(level: 2, text: "Change", id: "change"),
    ]

    @Test func depthTwoListsOnlyTheSections() {
        let entries = TableOfContentsEntry.entries(for: Self.headings, depth: 2)
        #expect(entries.map(\.id) == ["set-up", "change"])
        #expect(entries.allSatisfy { $0.subsections.isEmpty })
    }

    @Test func depthThreeAddsTheSubsectionsUnderTheirSection() {
        let entries = TableOfContentsEntry.entries(for: Self.headings, depth: 3)
        #expect(entries.map(\.id) == ["before-any-section", "set-up", "change"])
        #expect(entries[1].subsections.map(\.id) == ["by-phone", "by-email"])
    }

    private static let article = """
        ---
        title: Many sections
        ---
        ## One

        ### One a

        ## Two

        ### Two a

        ## Three

        """

    private func tableOfContents(frontMatter: String = "", siteDepth: Int? = nil) throws -> (String, [Diagnostic]) {
        var configuration = SiteTestSupport.fixtureConfiguration
        if let siteDepth { configuration.tableOfContentsDepth = siteDepth }
        let text = Self.article.replacingOccurrences(of: "title: Many sections\n", with: "title: Many sections\n" + frontMatter)
        let (report, output) = try SiteTestSupport.buildFixture(content: ["guides/many.md": text], configuration: configuration)
        let page = try #require(output.text("guides/many/index.html"))
        return (page, report.diagnostics)
    }

    @Test func anArticleListsItsSectionsOnlyByDefault() throws {
        let (page, diagnostics) = try tableOfContents()
        #expect(!diagnostics.hasErrors)
        #expect(page.contains("<li><a href=\"#one\">One</a></li><li><a href=\"#two\">Two</a></li>"))
        #expect(!page.contains("href=\"#one-a\""))
    }

    @Test func tocDepthInFrontMatterListsSubsections() throws {
        let (page, diagnostics) = try tableOfContents(frontMatter: "toc_depth: 3\n")
        #expect(!diagnostics.hasErrors)
        #expect(page.contains("<li><a href=\"#one\">One</a><ol><li><a href=\"#one-a\">One a</a></li></ol></li>"))
    }

    @Test func theSiteDepthAppliesUnlessTheArticleSetsItsOwn() throws {
        let (siteWide, _) = try tableOfContents(siteDepth: 3)
        #expect(siteWide.contains("href=\"#two-a\""))
        let (overridden, _) = try tableOfContents(frontMatter: "toc_depth: 2\n", siteDepth: 3)
        #expect(!overridden.contains("href=\"#two-a\""))
        #expect(overridden.contains("href=\"#two\""))
    }

    @Test(arguments: ["1", "4", "0"])
    func aDepthOtherThanTwoOrThreeIsAnErrorAtTheValue(_ value: String) {
        let (matter, diagnostics) = ArticleFrontMatter.parse(
            FrontMatterSplitter.split("---\ntitle: T\ntoc_depth: \(value)\n---\n"), path: "content/c/a.md")
        #expect(matter?.tableOfContentsDepth == nil)
        let error = diagnostics.first { $0.severity == .error }
        #expect(error?.location == SourceLocation(path: "content/c/a.md", line: 3, column: 12))
        #expect(error?.message.contains("'toc_depth' must be 2") == true)
    }

    @Test func theSiteConfigurationReadsTocDepth() {
        let (configuration, diagnostics) = SiteConfiguration.parse("toc_depth: 3\n", path: "helpcenter.yaml")
        #expect(diagnostics.isEmpty)
        #expect(configuration.tableOfContentsDepth == 3)
        let (fallback, problems) = SiteConfiguration.parse("toc_depth: 5\n", path: "helpcenter.yaml")
        #expect(fallback.tableOfContentsDepth == 2)
        #expect(problems.first?.location == SourceLocation(path: "helpcenter.yaml", line: 1, column: 12))
    }
}
