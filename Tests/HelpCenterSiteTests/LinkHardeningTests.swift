import Foundation
import HelpCenterDiagnostics
import Testing

@testable import HelpCenterSite
@testable import HelpCenterSiteFiles

/// Issue 11, items 1, 9 and 10: every URL is checked after it is resolved, every internal link
/// form is looked up in the site, and addresses are percent-encoded.
@Suite("Link hardening")
struct LinkHardeningTests {
    // MARK: - 1. One scheme check, after resolution

    @Test(
        arguments: ["_index.md", "guides/_index.md", "guides/first-steps.md"],
        [
            "/javascript:alert(1)", "/JaVaScRiPt:alert(1)", "/data:text/html,%3Cscript%3Ealert(1)%3C/script%3E", "/java%09script:alert(1)",
        ])
    func siteRootLinksNeverBecomeScripts(_ page: String, _ destination: String) throws {
        let original = try #require(String(data: SiteTestSupport.fixtureTree("content").read(page), encoding: .utf8))
        let (report, output) = try SiteTestSupport.buildFixture(content: [page: original + "\n[x](<\(destination)>)\n"])
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.location.path == "content/" + page)
        #expect(output.files.isEmpty, "nothing is published when a link is refused")
    }

    /// A file that is really called `javascript:alert(1)` may be linked to: its address is
    /// encoded, so it is never read as a scheme, on the home page either.
    @Test func aFileNamedLikeASchemeGetsAnAddressThatIsNotOne() throws {
        let home = "---\ntitle: Home\n---\n[a](/javascript:alert(1)) [b](javascript:alert(1))\n"
        let (report, output) = try SiteTestSupport.buildFixture(content: ["_index.md": home, "javascript:alert(1)": "x"])
        #expect(report.diagnostics.map(\.id) == ["unsafe-url"], "\(report.diagnostics)")
        #expect(output.files.isEmpty)
        let (fine, site) = try SiteTestSupport.buildFixture(content: [
            "_index.md": "---\ntitle: Home\n---\n[a](/javascript:alert(1)) [c](javascript%3Aalert(1))\n", "javascript:alert(1)": "x",
        ])
        #expect(fine.diagnostics.isEmpty, "\(fine.diagnostics)")
        let page = try #require(site.text("index.html"))
        #expect(page.contains("<a href=\"javascript%3Aalert%281%29\">a</a>"))
        #expect(page.contains("<a href=\"javascript%3Aalert%281%29\">c</a>"))
        #expect(!page.lowercased().contains("href=\"javascript:"))
    }

    @Test(arguments: [
        ("javascript:alert(1)", false), (" JavaScript:alert(1)", false), ("java\nscript:x", false), ("vbscript:x", false),
        ("data:text/html,x", false), ("../../javascript:x", true), ("./javascript%3Ax", true), ("https://example.org/a b", true),
        ("mailto:help@example.org", true), ("#top", true), ("/help/", true),
    ])
    func theCheckLooksAtTheWrittenURL(_ url: String, _ allowed: Bool) {
        #expect((URLSafety.publishable(url) != nil) == allowed)
    }

    @Test func imagesAreCheckedAfterResolutionToo() {
        let body = SiteTestSupport.renderBody("![a](</javascript:alert(1)>) ![b](data:image/svg+xml,<svg/>) ![c](data:image/png;base64,AA==)\n")
        #expect(body.diagnostics.map(\.id) == ["missing-image", "unsafe-url"])
        #expect(!body.html.contains("javascript:"))
        #expect(!body.html.contains("svg+xml"))
        #expect(body.html.contains("src=\"data:image/png;base64,AA==\""))
    }

    @Test func configurationURLsGoThroughTheSameCheck() throws {
        var configuration = SiteTestSupport.fixtureConfiguration
        configuration.baseURL = "javascript:alert(1)//"
        configuration.feedbackEndpoint = "JAVASCRIPT:alert(1)"
        let (report, output) = try SiteTestSupport.buildFixture(configuration: configuration)
        let errors = report.diagnostics.filter { $0.id == "unsafe-url" }
        #expect(errors.count == 2)
        #expect(errors.allSatisfy { $0.location.path == "helpcenter.yaml" })
        #expect(output.files.isEmpty)
    }

    @Test func aliasesThatLookLikeSchemesLeadOnlyToTheirArticle() throws {
        let article = "---\ntitle: Moved\naliases: [\"/javascript:alert(1)/\", \"/ok/.../\"]\n---\nText.\n"
        let (report, _) = try SiteTestSupport.buildFixture(content: ["guides/moved.md": article])
        #expect(report.diagnostics.map(\.id) == ["alias"], "\(report.diagnostics)")
        #expect(report.diagnostics.first?.message.contains("only of dots") == true)
        let (fine, output) = try SiteTestSupport.buildFixture(content: [
            "guides/moved.md": "---\ntitle: Moved\naliases: [\"/javascript:alert(1)/\"]\n---\nText.\n"
        ])
        #expect(fine.diagnostics.isEmpty, "\(fine.diagnostics)")
        let redirect = try #require(output.text("javascript:alert(1)/index.html"))
        #expect(redirect.contains("../guides/moved/"))
        #expect(!redirect.contains("\"javascript:"))
    }

    // MARK: - 9. Every internal link form is resolved and checked

    @Test(arguments: [
        "/guides/intro.md", "/guides/intro", "/guides/intro/", "intro", "intro/", "intro.md", "../guides/intro.md", "./intro.md",
        "/guides/../guides/intro.md",
    ])
    func everyFormOfALinkToAnArticleBecomesItsAddress(_ destination: String) {
        let body = SiteTestSupport.renderBody("[x](\(destination)#setup)\n", pages: ["guides/intro.md"])
        #expect(body.diagnostics.isEmpty, "\(body.diagnostics)")
        #expect(body.html.contains("<a href=\"../../guides/intro/#setup\">x</a>"))
        #expect(body.anchorReferences.map(\.targetSourcePath) == ["guides/intro.md"])
        #expect(body.anchorReferences.map(\.anchor) == ["setup"])
    }

    @Test func collectionsHomeAndGeneratedPagesAreValidTargets() {
        var index = ContentIndex()
        index.collections = ["other"]
        index.generatedPaths = ["search": "search/", "sitemap.xml": "sitemap.xml", "assets/style.css": "assets/style.css"]
        #expect(index.linkTarget("/", from: "guides") == .pageWithoutSource(address: ""))
        #expect(index.linkTarget("/other/", from: "guides") == .pageWithoutSource(address: "other/"))
        #expect(index.linkTarget("../other", from: "guides") == .pageWithoutSource(address: "other/"))
        #expect(index.linkTarget("/search/", from: "guides") == .generated("search/"))
        #expect(index.linkTarget("/assets/style.css", from: "") == .generated("assets/style.css"))
        #expect(index.linkTarget("/nothing/", from: "guides") == .missing("nothing"))
        #expect(index.linkTarget("../../x.md", from: "guides") == .outside)
    }

    @Test func siteRootLinksAreCheckedInABuild() throws {
        let article = """
            ---
            title: Links
            ---
            [a](/guides/settings.md) [b](/guides/settings/#change-a-setting) [c](/guides/) [d](/) [e](/search/?q=key)
            [f](/assets/site.css) [g](/guides/images/screen.png) [h](/sitemap.xml)

            [broken](/guides/setings.md) and [anchor](/guides/settings/#nowhere) and [gone](/docs/start/)

            """
        let (report, output) = try SiteTestSupport.buildFixture(content: ["guides/links.md": article])
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 3, "\(errors)")
        #expect(errors.map(\.location.line) == [7, 7, 7])
        #expect(errors.map(\.location.column) == [1, 34, 74])
        #expect(errors.contains { $0.id == "broken-link" && $0.message.contains("did you mean '/guides/settings.md'") })
        #expect(errors.contains { $0.id == "broken-anchor" && $0.message.contains("#nowhere") })
        #expect(errors.contains { $0.id == "broken-link" && $0.message.contains("/docs/start/") })
        #expect(output.files.isEmpty)

        let (fine, site) = try SiteTestSupport.buildFixture(content: [
            "guides/links.md": article.replacingOccurrences(
                of: "[broken](/guides/setings.md) and [anchor](/guides/settings/#nowhere) and [gone](/docs/start/)", with: "")
        ])
        #expect(fine.diagnostics.isEmpty, "\(fine.diagnostics)")
        let page = try #require(site.text("guides/links/index.html"))
        for href in [
            "../../guides/settings/", "../../guides/settings/#change-a-setting", "../../guides/", "../../", "../../search/?q=key",
            "../../assets/site.css", "../../guides/images/screen.png", "../../sitemap.xml",
        ] {
            #expect(page.contains("href=\"\(href)\""), "missing \(href)")
        }
    }

    @Test func aCollectionWhoseArticlesAreAllDraftsHasNoPageToLinkTo() throws {
        let content = [
            "notes/_index.md": "---\ntitle: Notes\n---\n", "notes/wip.md": "---\ntitle: WIP\ndraft: true\n---\nx\n",
            "guides/links.md": "---\ntitle: Links\n---\n[notes](/notes/)\n",
        ]
        let (report, output) = try SiteTestSupport.buildFixture(content: content)
        #expect(report.diagnostics.filter { $0.severity == .error }.map(\.id) == ["broken-link"], "\(report.diagnostics)")
        #expect(output.files.isEmpty)
        let (withDrafts, _) = try SiteTestSupport.buildFixture(content: content, includeDrafts: true)
        #expect(withDrafts.diagnostics.filter { $0.severity == .error }.isEmpty, "\(withDrafts.diagnostics)")
    }

    /// The preview checks the same way: an edit that adds a broken site-root link, or a link
    /// that would be a script, keeps the last good pages and reports the error.
    @Test func thePreviewChecksSiteRootLinksOnEveryEdit() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("links-session-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: SiteTestSupport.fixtureSite, to: root)
        let session = SiteSession(
            builder: SiteBuilder(
                configuration: SiteTestSupport.fixtureConfiguration,
                content: DirectoryFileTree(root: root.appendingPathComponent("content"), displayName: "content"),
                templates: DirectoryFileTree(root: root.appendingPathComponent("templates"), displayName: "templates")))
        #expect(try session.rebuild().succeeded)
        let good = session.files
        let article = root.appendingPathComponent("content/guides/settings.md")
        let text = try String(contentsOf: article, encoding: .utf8)
        try (text + "\n[x](/javascript:alert(1)) [y](/guides/first-step.md)\n").write(to: article, atomically: true, encoding: .utf8)
        let change = try session.rebuild(after: [SiteInputChange(.content, "guides/settings.md")])
        #expect(!change.succeeded)
        #expect(change.diagnostics.filter { $0.id == "broken-link" }.count == 2)
        #expect(change.diagnostics.contains { $0.message.contains("did you mean '/guides/first-steps.md'") })
        #expect(session.files == good)
    }

    @Test func aLinkToAnArticleInAnotherFolderIsSuggested() {
        var index = ContentIndex()
        index.pages["guides/recovery-keys.md"] = ContentIndex.Page(sitePath: "guides/recovery-keys/", sourcePath: "guides/recovery-keys.md")
        index.pages["guides/what?.md"] = ContentIndex.Page(sitePath: "guides/what?/", sourcePath: "guides/what?.md")
        #expect(index.suggestion(for: "account/recovery-keys.md") == "/guides/recovery-keys.md")
        #expect(index.suggestion(for: "guides/what") == "/guides/what%3F.md")
        #expect(index.suggestion(for: "billing/invoices.md") == nil)
    }

    // MARK: - 10. Addresses are percent-encoded; unusable names are refused

    @Test(arguments: [
        ("guides/what?/", "guides/what%3F/"), ("guides/a#b/", "guides/a%23b/"), ("guides/100%/", "guides/100%25/"),
        ("guides/two words/", "guides/two%20words/"), ("café/", "caf%C3%A9/"), ("a:b/", "a%3Ab/"), ("plain-name_1.2~/", "plain-name_1.2~/"),
    ])
    func addressesAreEncoded(_ sitePath: String, _ address: String) {
        #expect(PageAddress.encode(sitePath) == address)
    }

    @Test func articlesWithAwkwardNamesGetWorkingLinksEverywhere() throws {
        let names = ["what?", "a#b", "100%", "two words"]
        var content: [String: String] = [:]
        for name in names { content["guides/\(name).md"] = "---\ntitle: Page \(name)\ndescription: d\n---\n## Part\n" }
        content["guides/links.md"] =
            "---\ntitle: Links\n---\n[q](what%3F.md#part) [h](a%23b.md) [p](100%25.md) [s](<two words.md>) ![i](<images/my shot.png>)\n"
        content["guides/images/my shot.png"] = ""
        let (report, output) = try SiteTestSupport.buildFixture(content: content)
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "\(report.diagnostics)")
        let links = try #require(output.text("guides/links/index.html"))
        for href in ["../../guides/what%3F/#part", "../../guides/a%23b/", "../../guides/100%25/", "../../guides/two%20words/"] {
            #expect(links.contains("href=\"\(href)\""), "missing \(href)")
        }
        #expect(links.contains("src=\"../../guides/images/my%20shot.png\""))
        for name in names { #expect(output.files["guides/\(name)/index.html"] != nil, "page of \(name) is written at its own name") }
        let collection = try #require(output.text("guides/index.html"))
        #expect(collection.contains("href=\"../guides/what%3F/\""))
        let sitemap = try #require(output.text("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.org/help/guides/what%3F/</loc>"))
        #expect(sitemap.contains("<loc>https://example.org/help/guides/100%25/</loc>"))
        let search = output.files.keys.filter { $0.hasPrefix("search/index/d-") }.compactMap { output.text($0) }.joined()
        #expect(search.contains("\"guides/two%20words/\""))
        #expect(search.contains("\"guides/a%23b/\""))
        let page = try #require(output.text("guides/what?/index.html"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/help/guides/what%3F/\">"))
    }

    @Test(arguments: [
        ("guides/bad\u{1}name.md", "control character"), ("guides/back\\slash.md", "backslash"),
        ("guides/images/x\u{7F}.png", "control character"), ("odd\u{85}folder/a.md", "control character"),
    ])
    func namesThatCannotBeAddressesAreRefused(_ path: String, _ reason: String) throws {
        // A name made only of dots (`....md`) starts with a dot: the listing warns that it is
        // hidden and publishes nothing from it (ContentLayoutWarningTests).
        let (report, output) = try SiteTestSupport.buildFixture(content: [path: "---\ntitle: T\n---\nx\n"])
        let errors = report.diagnostics.filter { $0.id == "address" }
        #expect(errors.count == 1, "\(report.diagnostics)")
        #expect(errors.first?.location.path == "content/" + path)
        #expect(errors.first?.message.contains(reason) == true)
        #expect(output.files.isEmpty)
    }

    @Test func namesThatDifferOnlyInCaseCollide() throws {
        let (report, output) = try SiteTestSupport.buildFixture(content: ["guides/Settings.md": "---\ntitle: T\n---\nx\n"])
        let errors = report.diagnostics.filter { $0.id == "address" }
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("content/guides/Settings.md") == true)
        #expect(errors.first?.location.path == "content/guides/settings.md")
        #expect(output.files.isEmpty)
    }

    /// Composed and decomposed `é` are different bytes on disk, but the same name to Swift
    /// and to macOS: refused, from a real folder (a dictionary of names would merge them).
    @Test func namesThatDifferOnlyInUnicodeNormalisationCollide() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("links-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let guides = root.appendingPathComponent("guides")
        try FileManager.default.createDirectory(at: guides, withIntermediateDirectories: true)
        for name in ["caf\u{E9}.md", "cafe\u{301}.md"] {
            try Data("---\ntitle: T\n---\nx\n".utf8).write(to: URL(fileURLWithPath: guides.path + "/" + name))
        }
        let builder = SiteBuilder(
            configuration: SiteTestSupport.fixtureConfiguration, content: DirectoryFileTree(root: root, displayName: "content"),
            templates: SiteTestSupport.fixtureTree("templates"))
        let output = InMemorySiteOutput()
        let report = try builder.build(into: output)
        #expect(report.diagnostics.contains { $0.id == "address" && $0.message.contains("Unicode") })
        #expect(output.files.isEmpty)
    }
}

/// "Did you mean …?" for a broken link or image: a likely typo only, never the linking page
/// itself, written as the writer wrote the link (session 21's writer trial: `[bad](nope.md)` in
/// `typo.md` suggested `/…/typo.md`, a missing `nothere.png` an unrelated `shot.svg`, and
/// `RECOVERY-KEYS.md` nothing).
@Suite("Suggestions for broken links")
struct LinkSuggestionTests {
    static let pages = ["guides/settings.md", "guides/typo.md", "guides/first-steps.md", "other/billing.md"]
    static let files: [String: ImageDimensions?] = ["guides/images/shot.svg": ImageDimensions(width: 10, height: 10)]

    static func message(_ markdown: String) -> String {
        SiteTestSupport.renderBody(markdown, pages: pages, files: files).diagnostics.map(\.message).joined(separator: "\n")
    }

    @Test(arguments: [
        ("[x](setings.md)", "did you mean 'settings.md'?"),
        ("[x](SETTINGS.md)", "did you mean 'settings.md'?"),
        ("[x](../guides/first-step.md)", "did you mean 'first-steps.md'?"),
        ("[x](/guides/setings.md)", "did you mean '/guides/settings.md'?"),
        ("[x](billing.md)", "did you mean '../other/billing.md'?"),
        ("![Shot](images/shots.svg)", "did you mean 'images/shot.svg'?"),
    ])
    func aLikelyTypoIsSuggestedAsTheLinkWasWritten(markdown: String, suggestion: String) {
        #expect(Self.message(markdown).contains(suggestion), "\(Self.message(markdown))")
    }

    @Test(arguments: ["[x](nope.md)", "![Shot](images/nothere.png)", "[x](pages.md)"])
    func somethingUnlikeAnyPathGetsNoSuggestion(markdown: String) {
        #expect(!Self.message(markdown).contains("did you mean"), "\(Self.message(markdown))")
    }
}
