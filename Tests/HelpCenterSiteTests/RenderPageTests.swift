import Foundation
import HelpCenterDiagnostics
import Testing

@testable import HelpCenterSite
@testable import HelpCenterSiteFiles

/// `SiteBuilder.renderPage`, what `helpcenter render FILE` prints for a file of a project: the
/// body the build writes into the page, in the file's language, with the build's findings for
/// that file and no other's.
@Suite("One page rendered as the build renders it")
struct RenderPageTests {
    static func builder(
        content extra: [String: String] = [:], configuration: SiteConfiguration = SiteTestSupport.fixtureConfiguration,
        includeDrafts: Bool = false, templates: [String: String] = [:]
    ) throws -> SiteBuilder {
        SiteBuilder(
            configuration: configuration,
            content: try SiteTestSupport.merged(SiteTestSupport.fixtureTree("content"), extra, prefix: "content/"),
            templates: try SiteTestSupport.merged(SiteTestSupport.fixtureTree("templates"), templates, prefix: "templates/"),
            options: BuildOptions(includeDrafts: includeDrafts))
    }

    @Test(arguments: ["guides/first-steps.md", "guides/settings.md"])
    func anArticlesBodyIsTheOneInItsBuiltPage(path: String) throws {
        let rendered = try Self.builder().renderPage(path)
        let html = try #require(rendered.html)
        #expect(html.contains("<h2"))
        #expect(rendered.diagnostics.isEmpty)
        let (report, output) = try SiteTestSupport.buildFixture()
        #expect(!report.diagnostics.hasErrors)
        let page = try #require(output.text(String(path.dropLast(3)) + "/index.html"))
        #expect(page.contains(html))
    }

    @Test func aTranslationsBodyIsTheOneInItsLanguagesPageInItsWords() throws {
        // A callout, whose label the renderer writes in the page's language.
        let french = LanguageTests.settingsInFrench + "\n\n> [!TIP]\n> Gardez votre clé.\n"
        var templates = LanguageTests.templates
        templates["strings/fr.yaml", default: ""] += "callout_tip: Astuce\n"
        let builder = try Self.builder(
            content: ["guides/settings.fr.md": french], configuration: LanguageTests.configuration, templates: templates)
        let html = try #require(try builder.renderPage("guides/settings.fr.md").html)
        #expect(html.contains("Retour aux"))
        #expect(html.contains("Astuce"))
        #expect(!html.contains("Tip"))
        let (_, output) = try LanguageTests.build(["guides/settings.fr.md": french], templates: templates)
        let page = LanguageTests.page(output, "fr/guides/settings/index.html")
        #expect(page.contains(html))
        // The source, rendered in the same project, is the English page's body.
        let english = try #require(try builder.renderPage("guides/settings.md").html)
        #expect(!english.contains("Retour aux"))
        #expect(LanguageTests.page(output, "guides/settings/index.html").contains(english))
    }

    @Test func aBrokenSectionLinkIsFoundAtItsLineAndOtherPagesFindingsAreLeftOut() throws {
        let builder = try Self.builder(content: [
            "guides/settings.md": """
            ---
            title: Settings
            description: Change how the product behaves.
            ---
            Back to [the first steps](first-steps.md#no-such-section).
            """,
            // Another page with an error in its front matter, which the build reports and this
            // page's rendering must not.
            "guides/other.md": "---\ntitle: Other\ndescription: Another page.\nupdated: someday\n---\nText.\n",
        ])
        let rendered = try builder.renderPage("guides/settings.md")
        #expect(rendered.html != nil)
        let finding = try #require(rendered.diagnostics.first)
        #expect(rendered.diagnostics.count == 1)
        #expect(finding.severity == .error)
        #expect(finding.location.path == "content/guides/settings.md")
        #expect(finding.location.line == 5)
        #expect(finding.message.contains("no-such-section"))
    }

    @Test func aDraftIsAPageOnlyWithDrafts() throws {
        let without = try Self.builder().renderPage("guides/draft-notes.md")
        #expect(without.html == nil)
        #expect(without.diagnostics.map(\.id) == ["draft"])
        let with = try Self.builder(includeDrafts: true).renderPage("guides/draft-notes.md")
        #expect(try #require(with.html).contains("Not ready."))
        #expect(with.diagnostics.isEmpty)
    }

    @Test func aFileThatIsNoPageHasNoBody() throws {
        let rendered = try Self.builder().renderPage("guides/images/diagram.svg")
        #expect(rendered.html == nil)
    }
}
