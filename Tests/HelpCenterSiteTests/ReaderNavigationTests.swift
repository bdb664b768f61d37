import Foundation
import HelpCenterDiagnostics
import Testing

@testable import HelpCenterSite
@testable import HelpCenterSiteFiles

/// What readers find their way with, built through the project's own templates: a header and
/// pages whose size does not grow with the site, numbered collection pages, one related list,
/// absolute addresses for search engines only with an absolute `base_url`.
@Suite struct ReaderNavigationTests {
    static let templates = DirectoryFileTree(
        root: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../templates").standardized,
        displayName: "templates")

    static func configuration(_ change: (inout SiteConfiguration) -> Void = { _ in }) -> SiteConfiguration {
        var configuration = SiteConfiguration()
        configuration.name = "Navigation Help"
        configuration.baseURL = "https://help.example.com/docs/"
        change(&configuration)
        return configuration
    }

    static func article(_ title: String, order: Int? = nil, tags: [String] = [], extra: String = "", body: String = "Some text.") -> String {
        var matter = "title: \(title)\n"
        if let order { matter += "order: \(order)\n" }
        if !tags.isEmpty { matter += "tags: [\(tags.joined(separator: ", "))]\n" }
        return "---\n\(matter)\(extra)---\n\(body)\n"
    }

    static func build(_ content: [String: String], configuration: SiteConfiguration = configuration()) throws -> (BuildReport, InMemoryStagedSite) {
        let output = InMemoryStagedSite()
        let builder = SiteBuilder(configuration: configuration, content: InMemoryFileTree(content, displayPrefix: "content/"), templates: templates)
        let outcome = try SitePublisher.run(into: output) { try builder.build(into: $0) }
        return (outcome.build, output)
    }

    /// `count` collections of `perCollection` articles each.
    static func site(collections count: Int, perCollection: Int) -> [String: String] {
        var content: [String: String] = [:]
        for c in 1...count {
            let slug = String(format: "topic-%03d", c)
            content["\(slug)/_index.md"] = "---\ntitle: Topic \(c)\norder: \(c)\n---\n"
            for a in 1...perCollection {
                content["\(slug)/article-\(a).md"] = article("Article \(a) of topic \(c)", order: a)
            }
        }
        return content
    }

    static func hrefs(in html: String, inside marker: String) -> [String] {
        guard let start = html.range(of: marker) else { return [] }
        let rest = html[start.upperBound...]
        let end = rest.range(of: "</nav>")?.lowerBound ?? rest.endIndex
        return rest[..<end].components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func headerNamesTheFirstCollectionsAndLinksToAllOfThem() throws {
        let (report, site) = try Self.build(Self.site(collections: 9, perCollection: 1), configuration: Self.configuration { $0.headerCollections = 3 })
        #expect(!report.diagnostics.hasErrors)
        let page = try #require(site.text("topic-005/article-1/index.html"))
        #expect(
            Self.hrefs(in: page, inside: "aria-label=\"Collections\"") == ["../../topic-001/", "../../topic-002/", "../../topic-003/", "../../collections/"])
        #expect(page.contains(">All 9 collections</a>"))
        let all = try #require(site.text("collections/index.html"))
        for c in 1...9 { #expect(all.contains("href=\"../topic-\(String(format: "%03d", c))/\">Topic \(c)</a>")) }
        #expect(all.contains("<span class=\"count\">1 article</span>"))
    }

    @Test func aLongCollectionIsSplitIntoNumberedPages() throws {
        let (report, site) = try Self.build(Self.site(collections: 1, perCollection: 12), configuration: Self.configuration { $0.collectionPageSize = 5 })
        #expect(!report.diagnostics.hasErrors)
        let first = try #require(site.text("topic-001/index.html"))
        let second = try #require(site.text("topic-001/page/2/index.html"))
        let third = try #require(site.text("topic-001/page/3/index.html"))
        #expect(site.text("topic-001/page/4/index.html") == nil)
        #expect(first.contains("Articles 1–5 of 12"))
        #expect(second.contains("Articles 6–10 of 12"))
        #expect(third.contains("Articles 11–12 of 12"))
        #expect(second.contains(">Article 6 of topic 1<") && second.contains(">Article 10 of topic 1<"))
        #expect(!second.contains(">Article 5 of topic 1<") && !second.contains(">Article 11 of topic 1<"))
        #expect(second.contains("<a class=\"pagination-previous\" href=\"../../../topic-001/\" rel=\"prev\">"))
        #expect(second.contains("<a class=\"pagination-next\" href=\"../../../topic-001/page/3/\" rel=\"next\">"))
        #expect(second.contains("<a href=\"../../../topic-001/page/2/\" aria-current=\"page\">2</a>"))
        #expect(!first.contains("pagination-previous") && !third.contains("pagination-next"))
        // Links from a numbered page reach the article pages.
        #expect(third.contains("href=\"../../../topic-001/article-12/\""))
        #expect(second.contains("<link rel=\"canonical\" href=\"https://help.example.com/docs/topic-001/page/2/\">"))
    }

    @Test func thePagerShowsABoundedListOfPageNumbers() {
        #expect(PageWriter.pageNumbers(current: 1, count: 1) == [1])
        #expect(PageWriter.pageNumbers(current: 3, count: 5) == [1, 2, 3, 4, 5])
        #expect(PageWriter.pageNumbers(current: 10, count: 20) == [1, nil, 8, 9, 10, 11, 12, nil, 20])
        #expect(PageWriter.pageNumbers(current: 1, count: 400) == [1, 2, 3, nil, 400])
    }

    @Test func anArticlePageDoesNotGrowWithTheNumberOfCollections() throws {
        let (_, small) = try Self.build(Self.site(collections: 5, perCollection: 2))
        let (_, large) = try Self.build(Self.site(collections: 300, perCollection: 2))
        let smallPage = try #require(small.files["topic-001/article-1/index.html"])
        let largePage = try #require(large.files["topic-001/article-1/index.html"])
        // The only difference: the header's link to "All 300 collections" (the small site names all five).
        #expect(abs(largePage.count - smallPage.count) < 200, "\(smallPage.count) bytes with 5 collections, \(largePage.count) with 300")
        let home = try #require(large.text("index.html"))
        #expect(home.components(separatedBy: "class=\"collection-card\"").count - 1 == 12)
        #expect(home.contains(">See all 300 collections</a>"))
    }

    @Test func aWrittenRelatedSectionBecomesThePagesOneRelatedList() throws {
        var content = [
            "guides/_index.md": "---\ntitle: Guides\n---\n",
            "guides/main.md": Self.article(
                "Main", order: 1, tags: ["shared"],
                body: "Intro.\n\n## Steps\n\nDo it.\n\n## Related articles\n\n- [The chosen one](chosen.md)\n- [Steps elsewhere](other.md#steps)\n"),
            "guides/chosen.md": Self.article("Chosen", order: 2, tags: ["shared"]),
            "guides/other.md": Self.article("Other", order: 3, body: "## Steps\n\nMore."),
        ]
        for n in 1...4 { content["guides/tagged-\(n).md"] = Self.article("Tagged \(n)", order: 3 + n, tags: ["shared"]) }
        let (report, site) = try Self.build(content, configuration: Self.configuration { $0.relatedArticles = 4 })
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        let page = try #require(site.text("guides/main/index.html"))
        #expect(page.components(separatedBy: "Related articles").count - 1 == 1)
        let related = Self.hrefs(in: page.replacingOccurrences(of: "</aside>", with: "</nav>"), inside: "<aside class=\"related\"")
        // The writer's two first, with their link text and anchor; then generated ones up to 4, without repeating.
        #expect(related == ["../../guides/chosen/", "../../guides/other/#steps", "../../guides/tagged-1/", "../../guides/tagged-2/"])
        #expect(page.contains(">The chosen one</a>") && page.contains(">Steps elsewhere</a>"))
        #expect(!page.contains("href=\"#related-articles\""))
    }

    /// libcmark-gfm puts footnote definitions after the last section: a footnote anywhere in
    /// the article kept its written related section in the body, beside the generated list.
    @Test func aFootnoteDoesNotKeepTheRelatedSectionInTheBody() throws {
        let content = [
            "guides/_index.md": "---\ntitle: Guides\n---\n",
            "guides/main.md": Self.article(
                "Main", tags: ["t"], body: "Text.[^1]\n\n[^1]: A note.\n\n## Related articles\n\n- [Other](other.md)\n"),
            "guides/other.md": Self.article("Other", tags: ["t"]),
        ]
        let (report, site) = try Self.build(content)
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        let page = try #require(site.text("guides/main/index.html"))
        #expect(page.components(separatedBy: "Related articles").count - 1 == 1)
        #expect(!page.contains("id=\"related-articles\""))
        #expect(page.contains("class=\"footnotes\""))
    }

    @Test func aRelatedSectionWithOtherContentStaysWhereItIsWritten() throws {
        let content = [
            "guides/_index.md": "---\ntitle: Guides\n---\n",
            "guides/main.md": Self.article("Main", tags: ["t"], body: "## Related articles\n\nAsk your administrator, or see [Other](other.md).\n"),
            "guides/other.md": Self.article("Other", tags: ["t"]),
        ]
        let (_, site) = try Self.build(content)
        let page = try #require(site.text("guides/main/index.html"))
        #expect(page.contains("Ask your administrator"))
        #expect(page.contains("<aside class=\"related\""))
    }

    @Test func withoutAnAbsoluteBaseURLTheBuildWarnsAndWritesNoAbsoluteAddresses() throws {
        let content = ["guides/page.md": Self.article("Page", extra: "updated: 2026-11-02\n")]
        let (report, site) = try Self.build(content, configuration: Self.configuration { $0.baseURL = "/help/" })
        let warning = try #require(report.diagnostics.first { $0.id == "base-url" })
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("sitemap.xml"))
        #expect(site.files["sitemap.xml"] == nil)
        let page = try #require(site.text("guides/page/index.html"))
        #expect(!page.contains("rel=\"canonical\"") && !page.contains("og:url") && !page.contains("BreadcrumbList"))
        #expect(page.contains("<meta property=\"og:title\" content=\"Page\">"))
        #expect(page.contains("\"@type\":\"Article\""))

        let (absoluteReport, absolute) = try Self.build(content)
        #expect(!absoluteReport.diagnostics.contains { $0.id == "base-url" })
        let sitemap = try #require(absolute.text("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://help.example.com/docs/guides/page/</loc><lastmod>2026-11-02</lastmod>"))
        #expect(!sitemap.contains("<loc>/"))
    }

    @Test func structuredDataIsJSONThatCannotEndItsScriptElement() throws {
        let title = "Quotes \\\" and </script><script>alert(1)</script>"
        let content = ["guides/page.md": "---\ntitle: '\(title)'\nauthor: Ana\nupdated: 2026-11-02\n---\nText.\n"]
        let (_, site) = try Self.build(content)
        let page = try #require(site.text("guides/page/index.html"))
        #expect(!page.contains("<script>alert(1)"))
        let start = try #require(page.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(page[start.upperBound...].range(of: "</script>"))
        let json = try JSONSerialization.jsonObject(with: Data(page[start.upperBound..<end.lowerBound].utf8)) as? [[String: Any]]
        let article = try #require(json?.first)
        #expect(article["headline"] as? String == title)
        #expect(article["dateModified"] as? String == "2026-11-02")
        #expect(article["mainEntityOfPage"] as? String == "https://help.example.com/docs/guides/page/")
        let trail = try #require(json?.last?["itemListElement"] as? [[String: Any]])
        #expect(
            trail.map { $0["item"] as? String } == [
                "https://help.example.com/docs/", "https://help.example.com/docs/guides/", "https://help.example.com/docs/guides/page/",
            ])
    }

    @Test func theHomePageHasASearchAndTheFeaturedArticles() throws {
        var content = Self.site(collections: 2, perCollection: 7)
        content["topic-002/article-3.md"] = Self.article("Article 3 of topic 2", order: 3, extra: "featured: true\n")
        let (_, site) = try Self.build(content)
        let home = try #require(site.text("index.html"))
        #expect(home.contains("<form class=\"site-search hero-search\""))
        #expect(home.components(separatedBy: "id=\"search-input\"").count - 1 == 1)
        let featured = try #require(home.range(of: "Most useful articles"))
        #expect(home[featured.upperBound...].contains("href=\"./topic-002/article-3/\""))
        #expect(home.contains("See all 7 articles<span class=\"visually-hidden\"> in Topic 1</span>"))
    }

    /// A featured article is named once on the home page: its collection's card lists the
    /// collection's other articles, and still links to all of them.
    @Test func theHomePageNamesAFeaturedArticleOnce() throws {
        var content = Self.site(collections: 1, perCollection: 4)
        content["topic-001/article-1.md"] = Self.article("Article 1 of topic 1", order: 1, extra: "featured: true\n")
        content["topic-001/article-2.md"] = Self.article("Article 2 of topic 1", order: 2, extra: "featured: true\n")
        let (_, site) = try Self.build(content)
        let home = try #require(site.text("index.html"))
        for number in 1...4 {
            #expect(home.components(separatedBy: "href=\"./topic-001/article-\(number)/\"").count - 1 == 1, "article \(number)")
        }
        let card = try #require(home.range(of: "class=\"collection-card\""))
        #expect(home[card.lowerBound...].contains("See all 4 articles"))

        // Every article featured: the card lists none, and has no empty list.
        for number in 3...4 {
            content["topic-001/article-\(number).md"] = Self.article("Article \(number) of topic 1", order: number, extra: "featured: true\n")
        }
        let (_, allFeatured) = try Self.build(content)
        let page = try #require(allFeatured.text("index.html"))
        #expect(!page.contains("<ul class=\"article-list\">\n</ul>"))
        #expect(page.contains("See all 4 articles"))
    }

    @Test(arguments: [
        ("collection_page_size: 2", "'collection_page_size' must be from 5 to 1000, found 2"),
        ("related_articles: lots", "'related_articles' must be a whole number"),
    ])
    func navigationSettingsOutOfRangeAreErrorsAtTheirLine(yaml: String, message: String) {
        let (_, diagnostics) = SiteConfiguration.parse("name: Help\n\(yaml)\n", path: "helpcenter.yaml")
        let error = diagnostics.first { $0.severity == .error }
        #expect(error?.message.hasPrefix(message) == true, "\(diagnostics)")
        #expect(error?.location.line == 2)
    }
}
