import Foundation
import HelpCenterCalendar
import HelpCenterDiagnostics
import HelpCenterSearch
import HelpCenterTemplates
import Testing

@testable import HelpCenterSite
@testable import HelpCenterSiteFiles

/// A site in several languages (docs/languages.md): translations found beside their sources,
/// each language under its prefix, fallback pages, the switcher, `hreflang` pairs, the theme's
/// words and the translation status.
@Suite("Languages")
struct LanguageTests {
    static var configuration: SiteConfiguration {
        var configuration = SiteTestSupport.fixtureConfiguration
        configuration.language = "en-GB"
        configuration.primaryLanguageKey = "en"
        configuration.primaryLanguageName = "English"
        configuration.otherLanguages = [SiteLanguage(key: "fr", tag: "fr-FR", name: "Français")]
        return configuration
    }

    /// The fixture's layout and article templates with the switcher, the alternates, `dir` and
    /// the fallback notice; the theme's words in English and French.
    static let templates: [String: String] = [
        "layout.mustache": """
        <!doctype html>
        <html lang="{{site.language}}"{{#site.direction}} dir="{{site.direction}}"{{/site.direction}}><head><title>{{title}}</title>{{#canonicalURL}}<link rel="canonical" href="{{canonicalURL}}">{{/canonicalURL}}
        {{#alternates}}<link rel="alternate" hreflang="{{hreflang}}" href="{{url}}">
        {{/alternates}}</head>
        <body>{{#hasLanguages}}<nav aria-label="{{t.languages}}">{{#languages}}<a href="{{url}}" lang="{{tag}}"{{#isCurrent}} aria-current="page"{{/isCurrent}}>{{name}}</a>{{/languages}}</nav>{{/hasLanguages}}<main>{{{content}}}</main></body></html>
        """,
        "article.mustache": """
        {{#article.fallbackLanguage}}<p class="notice">{{t.fallback}}</p>{{/article.fallbackLanguage}}<article{{#article.fallbackLanguage}} lang="{{article.fallbackLanguage}}"{{/article.fallbackLanguage}}><h1>{{article.title}}</h1>{{#article.updated}}<time datetime="{{iso}}">{{text}}</time>{{/article.updated}}{{{article.body}}}</article>
        """,
        "strings/en.yaml": "languages: Languages\nfallback: Not translated yet, shown in {{article.fallbackLanguageName}}.\n",
        "strings/fr.yaml": "languages: Langues\nfallback: Pas encore traduit, affiché en {{article.fallbackLanguageName}}.\n",
    ]

    static let settingsInFrench = """
        ---
        title: Réglages
        description: Changer le comportement du produit.
        updated: 2026-11-03
        translation_of: 2026-11-02
        ---
        Retour aux [premiers pas](first-steps.md).

        ## Modifier un réglage

        Ouvrez les réglages.
        """

    static func build(_ content: [String: String] = ["guides/settings.fr.md": settingsInFrench], templates: [String: String] = templates)
        throws -> (BuildReport, InMemoryStagedSite)
    {
        try SiteTestSupport.buildFixture(content: content, templates: templates, configuration: configuration)
    }

    static func page(_ output: InMemoryStagedSite, _ path: String) -> String {
        output.text(path) ?? ""
    }

    // MARK: Discovery

    @Test(arguments: [
        ("guides/settings.fr.md", "fr", "guides/settings.md"),
        ("guides/_index.fr.md", "fr", "guides/_index.md"),
        ("_index.pt-br.md", "pt-br", "_index.md"),
        ("guides/node.js.md", "js", "guides/node.md"),
        // Names outside ASCII: the suffix is found among the bytes (ContentEntry.translationSuffix).
        ("guides/café.fr.md", "fr", "guides/café.md"),
        ("guides/e\u{301}te\u{301}.fr.md", "fr", "guides/e\u{301}te\u{301}.md"),
        ("réglages/sécurité.de-ch.md", "de-ch", "réglages/sécurité.md"),
        // A combining mark after '/' makes one character of the two; the suffix is still found.
        ("guides/\u{301}x.fr.md", "fr", "guides/\u{301}x.md"),
    ])
    func aLanguageSuffixMakesATranslation(path: String, key: String, source: String) {
        #expect(ContentEntry(path: path) == .translation(key: key, sourcePath: source, path: path))
    }

    @Test(arguments: [
        "guides/v2.0.md", "guides/release-1.2.md", "guides/settings.md", "guides/READ.ME.md", "guides/naïve.md",
        "guides/déjà-vu.md", "guides/.fr.md", "guides/a.\u{301}fr.md",
    ])
    func otherDotsKeepThePageAnArticle(path: String) {
        guard case .article = ContentEntry(path: path) else {
            Issue.record("\(path) should be an article")
            return
        }
    }

    @Test func aTranslationIsNeverAnArticleOfTheDefaultLanguage() throws {
        let (report, output) = try SiteTestSupport.buildFixture(content: ["guides/settings.fr.md": Self.settingsInFrench])
        #expect(report.succeeded)
        #expect(output.files.keys.allSatisfy { !$0.contains("settings.fr") })
        let warning = report.diagnostics.first { $0.location.path == "content/guides/settings.fr.md" }
        #expect(warning?.severity == .warning)
        #expect(warning?.message.contains("'fr' is not a language of the site") == true)
        #expect(warning?.message.contains("languages") == true)
    }

    /// One letter from a language of the site is a misspelt suffix: an error naming the file
    /// to rename to (a warning let the translation leave the site with CI green). Further away,
    /// a name with a dot: a warning.
    @Test func aMisspeltLanguageKeyIsAnErrorWithTheNameToUse() throws {
        let (report, output) = try Self.build(["guides/settings.fe.md": Self.settingsInFrench])
        #expect(!report.succeeded)
        let error = report.diagnostics.first { $0.location.path == "content/guides/settings.fe.md" }
        #expect(error?.severity == .error)
        #expect(
            error?.message == "'fe' is not a language of the site (did you mean 'fr'?), so this translation is not published; rename the file settings.fr.md",
            "\(error?.message ?? "")")
        #expect(output.files.keys.allSatisfy { !$0.contains("settings.fe") })
        // Two edits from a two-letter key is no hint: 'de' is not a misspelt 'fr'.
        let (other, _) = try Self.build(["guides/settings.de.md": Self.settingsInFrench])
        #expect(other.succeeded)
        let unrelated = other.diagnostics.first { $0.location.path == "content/guides/settings.de.md" }
        #expect(unrelated?.severity == .warning)
        #expect(unrelated?.message.contains("is not a language of the site, so this file is read as a translation and not published") == true)
        // One letter from a key but with no page of that name beside it: an article's own name
        // (`node.js.md` on a site with Spanish), a warning, not "rename it node.es.md".
        var spanish = Self.configuration
        spanish.otherLanguages.append(SiteLanguage(key: "es", tag: "es-ES", name: "Español"))
        var strings = Self.templates
        strings["strings/es.yaml"] = strings["strings/fr.yaml"]
        let (dotted, _) = try SiteTestSupport.buildFixture(
            content: ["guides/node.js.md": "---\ntitle: Node\n---\nText.\n"], templates: strings, configuration: spanish)
        let named = dotted.diagnostics.first { $0.location.path == "content/guides/node.js.md" }
        #expect(named?.severity == .warning, "\(dotted.diagnostics)")
        #expect(named?.message.contains("did you mean") == false)
    }

    @Test func aRelativeBaseURLIsWarnedAboutOnceNotPerLanguage() throws {
        var configuration = Self.configuration
        configuration.baseURL = "/help/"
        let (report, _) = try SiteTestSupport.buildFixture(
            content: ["guides/settings.fr.md": Self.settingsInFrench], templates: Self.templates, configuration: configuration)
        #expect(report.diagnostics.filter { $0.id == "base-url" }.map(\.message).count == 1)
        #expect(report.diagnostics.first { $0.id == "base-url" }?.message.contains("'/help/'") == true)
    }

    @Test func aTranslationWithoutASourceIsAnError() throws {
        let (report, _) = try Self.build(["guides/missing.fr.md": Self.settingsInFrench])
        #expect(!report.succeeded)
        let error = report.diagnostics.first { $0.location.path == "content/guides/missing.fr.md" }
        #expect(error?.severity == .error)
        #expect(error?.message.contains("content/guides/missing.md") == true)
        // A misspelt source name gets the closest page of its folder.
        let (misspelt, _) = try Self.build(["guides/setings.fr.md": Self.settingsInFrench])
        let hinted = misspelt.diagnostics.first { $0.location.path == "content/guides/setings.fr.md" }
        #expect(hinted?.message.contains("there is no content/guides/setings.md (did you mean 'settings.md'?)") == true, "\(hinted?.message ?? "")")
    }

    @Test func aCollectionNamedLikeAPrefixIsAnError() throws {
        let (report, _) = try Self.build(["fr/_index.md": "---\ntitle: Fr\n---\n", "fr/page.md": "---\ntitle: Page\n---\nText.\n"])
        #expect(report.diagnostics.contains { $0.severity == .error && $0.message.contains("prefix of the language 'fr'") })
    }

    // MARK: Pages per language

    @Test func eachLanguageHasItsPagesUnderItsPrefixWithLangAndDir() throws {
        let (report, output) = try Self.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        for path in ["fr/index.html", "fr/guides/index.html", "fr/guides/settings/index.html", "fr/404.html", "fr/search/index.html"] {
            #expect(Self.page(output, path).contains("<html lang=\"fr-FR\" dir=\"ltr\">"), "\(path)")
        }
        #expect(Self.page(output, "guides/settings/index.html").contains("<html lang=\"en-GB\" dir=\"ltr\">"))
        #expect(Self.page(output, "fr/guides/settings/index.html").contains("<h1>Réglages</h1>"))
        // The French search index is its own, stemmed in French.
        #expect(output.files["fr/search/index/manifest.js"] != nil)
        #expect(Self.page(output, "fr/search/index/manifest.js").contains("fr-FR"))
    }

    @Test func aLinkToASourceLeadsToItsTranslation() throws {
        let french = Self.settingsInFrench.replacingOccurrences(of: "(first-steps.md)", with: "(settings.md#modifier-un-réglage)")
        let (report, output) = try Self.build(["guides/settings.fr.md": french])
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(Self.page(output, "fr/guides/settings/index.html").contains("href=\"../../guides/settings/#modifier-un-r"))
    }

    @Test func aRelatedSectionWrittenInTheLanguageIsLiftedIntoTheRelatedList() throws {
        let french = Self.settingsInFrench + "\n\n## Articles associés\n\n- [Premiers pas](first-steps.md)\n"
        var templates = Self.templates
        templates["strings/en.yaml", default: ""] += "related_articles: Related articles\n"
        templates["strings/fr.yaml", default: ""] += "related_articles: Articles associés\n"
        let (report, output) = try Self.build(["guides/settings.fr.md": french], templates: templates)
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(!Self.page(output, "fr/guides/settings/index.html").contains("Articles associés"))
        // Under a title that is not the language's, the section stays in the body.
        let other = french.replacingOccurrences(of: "## Articles associés", with: "## Pour aller plus loin")
        let (_, kept) = try Self.build(["guides/settings.fr.md": other], templates: templates)
        #expect(Self.page(kept, "fr/guides/settings/index.html").contains("Pour aller plus loin"))
    }

    @Test func aMissingTranslationFallsBackWithANotice() throws {
        let (report, output) = try Self.build()
        #expect(report.succeeded)
        let fallback = Self.page(output, "fr/guides/first-steps/index.html")
        #expect(fallback.contains("<p class=\"notice\">Pas encore traduit, affiché en English.</p>"))
        #expect(fallback.contains("<article lang=\"en-GB\"><h1>First steps</h1>"))
        // The default language's page is the canonical one; a fallback is no alternate.
        #expect(fallback.contains("<link rel=\"canonical\" href=\"https://example.org/help/guides/first-steps/\">"))
        #expect(!fallback.contains("hreflang"))
        // Its links lead to the default language's pages, whose anchors they name.
        #expect(fallback.contains("href=\"../../../guides/settings/#change-a-setting\""))
        #expect(!Self.page(output, "fr/guides/settings/index.html").contains("class=\"notice\""))
        #expect(report.diagnostics.contains { $0.id == "translation-missing" && $0.message.contains("fr (fr-FR)") })
    }

    /// A broken anchor in a page that has no translation was reported twice: once by the default
    /// language, and again by each language the page falls back in, with a note. The note is
    /// for a translated page that links to an untranslated one.
    @Test func aBrokenAnchorInAnUntranslatedPageIsReportedOnce() throws {
        let (report, _) = try Self.build([
            "guides/settings.fr.md": Self.settingsInFrench + "\nVoir [ici](first-steps.md#nulle-part).\n",
            "guides/broken.md": "---\ntitle: Broken\n---\nSee [there](first-steps.md#nowhere).\n",
        ])
        let anchors = report.diagnostics.filter { $0.id == "broken-anchor" }
        #expect(anchors.filter { $0.message.contains("'#nowhere'") }.count == 1, "\(anchors)")
        #expect(anchors.filter { $0.message.contains("'#nulle-part'") && $0.message.contains("it has no fr-FR translation yet") }.count == 1, "\(anchors)")
    }

    @Test func withoutFallbackAnUntranslatedArticleIsLeftOutAndLinkedInTheDefaultLanguage() throws {
        var configuration = Self.configuration
        configuration.otherLanguages[0].fallback = false
        let french = Self.settingsInFrench.replacingOccurrences(of: "(first-steps.md)", with: "(first-steps.md#before-you-begin)")
        let (report, output) = try SiteTestSupport.buildFixture(
            content: ["guides/settings.fr.md": french], templates: Self.templates, configuration: configuration)
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(output.files["fr/guides/first-steps/index.html"] == nil)
        #expect(output.files["fr/guides/settings/index.html"] != nil)
        #expect(Self.page(output, "fr/guides/settings/index.html").contains("href=\"../../../guides/first-steps/#before-you-begin\""))
        #expect(Self.page(output, "guides/first-steps/index.html").contains("<a href=\"../../fr/guides/\" lang=\"fr-FR\">Français</a>"))
        #expect(report.diagnostics.contains { $0.id == "translation-missing" && $0.message.contains("left out (fallback: false)") })
    }

    @Test func withoutFallbackACollectionWithNoTranslationHasNoPageInThatLanguage() throws {
        var configuration = Self.configuration
        configuration.otherLanguages[0].fallback = false
        let (report, output) = try SiteTestSupport.buildFixture(content: [:], templates: Self.templates, configuration: configuration)
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(output.files["fr/guides/index.html"] == nil)
        #expect(output.files["fr/index.html"] != nil)
        // The switcher leads to the French home page, and the collection has no French alternate.
        let english = Self.page(output, "guides/settings/index.html")
        #expect(english.contains("<a href=\"../../fr/\" lang=\"fr-FR\">Français</a>"))
        #expect(!Self.page(output, "guides/index.html").contains("hreflang=\"fr-FR\""))
    }

    @Test func theSwitcherKeepsTheReaderOnTheArticleOrItsCollection() throws {
        let (_, output) = try Self.build()
        let english = Self.page(output, "guides/settings/index.html")
        #expect(english.contains("<nav aria-label=\"Languages\">"))
        #expect(english.contains("<a href=\"../../guides/settings/\" lang=\"en-GB\" aria-current=\"page\">English</a>"))
        #expect(english.contains("<a href=\"../../fr/guides/settings/\" lang=\"fr-FR\">Français</a>"))
        let french = Self.page(output, "fr/guides/settings/index.html")
        #expect(french.contains("<nav aria-label=\"Langues\">"))
        #expect(french.contains("<a href=\"../../../guides/settings/\" lang=\"en-GB\">English</a>"))
        // No French first steps: the switcher leads to the French collection.
        #expect(Self.page(output, "guides/first-steps/index.html").contains("<a href=\"../../fr/guides/\" lang=\"fr-FR\">Français</a>"))
        #expect(Self.page(output, "index.html").contains("<a href=\"fr/\" lang=\"fr-FR\">Français</a>"))
        // The 404 page is served at any depth: its links start from the base path.
        #expect(Self.page(output, "fr/404.html").contains("<a href=\"/help/\" lang=\"en-GB\">English</a>"))
    }

    @Test func hreflangAlternatesComeInPairsWithXDefault() throws {
        let (_, output) = try Self.build()
        let expected = """
            <link rel="alternate" hreflang="en-GB" href="https://example.org/help/guides/settings/">
            <link rel="alternate" hreflang="fr-FR" href="https://example.org/help/fr/guides/settings/">
            <link rel="alternate" hreflang="x-default" href="https://example.org/help/guides/settings/">
            """
        #expect(Self.page(output, "guides/settings/index.html").contains(expected))
        #expect(Self.page(output, "fr/guides/settings/index.html").contains(expected))
        #expect(!Self.page(output, "guides/first-steps/index.html").contains("hreflang"))
        let sitemap = Self.page(output, "sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/help/fr/guides/settings/</loc>"))
        #expect(!sitemap.contains("<loc>https://example.org/help/fr/guides/first-steps/</loc>"))
        #expect(sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"fr-FR\" href=\"https://example.org/help/fr/guides/settings/\"/>"))
        #expect(output.files["fr/sitemap.xml"] == nil)
    }

    @Test func aSiteInOneLanguageHasNoSwitcherAlternatesOrDir() throws {
        let (report, output) = try SiteTestSupport.buildFixture(templates: Self.templates)
        #expect(report.succeeded)
        let page = Self.page(output, "guides/settings/index.html")
        #expect(page.contains("<html lang=\"en\"><head>"))
        #expect(!page.contains("hreflang") && !page.contains("<nav"))
    }

    @Test func thePreviewSessionServesEveryLanguage() throws {
        let content = try SiteTestSupport.merged(
            SiteTestSupport.fixtureTree("content"), ["guides/settings.fr.md": Self.settingsInFrench], prefix: "content/")
        let templates = try SiteTestSupport.merged(SiteTestSupport.fixtureTree("templates"), Self.templates, prefix: "templates/")
        let session = SiteSession(builder: SiteBuilder(configuration: Self.configuration, content: content, templates: templates))
        let first = try session.rebuild()
        #expect(first.succeeded)
        #expect(first.changedPaths.contains("fr/guides/settings/index.html") && first.changedPaths.contains("guides/settings/index.html"))
        // Nothing changed: nothing to send to the browser.
        let second = try session.rebuild(after: [])
        #expect(second.changedPaths.isEmpty && second.removedPaths.isEmpty)
    }

    // MARK: The theme's words

    @Test func aMissingThemeStringIsAnErrorNamingTheFileAndTheKey() throws {
        var templates = Self.templates
        templates["strings/fr.yaml"] = "languages: Langues\n"
        let (report, _) = try Self.build(templates: templates)
        #expect(!report.succeeded)
        #expect(
            report.diagnostics.contains {
                $0.severity == .error && $0.location.path == "templates/strings/fr.yaml" && $0.message.contains("fallback")
            })
        #expect(
            report.diagnostics.contains {
                $0.severity == .error && $0.location.path == "templates/article.mustache" && $0.location.line == 1
                    && $0.message.contains("'fallback' is missing from templates/strings/fr.yaml")
            })
    }

    /// A misspelt key is missing and unused at once: the unused one's warning names the other.
    @Test func aMisspeltThemeStringNamesTheKeyItMeant() throws {
        var templates = Self.templates
        let french = try #require(templates["strings/fr.yaml"])
        templates["strings/fr.yaml"] = french.replacingOccurrences(of: "fallback:", with: "falback:")
        let (report, _) = try Self.build(templates: templates)
        let unused = report.diagnostics.first { $0.severity == .warning && $0.message.contains("'falback'") }
        #expect(unused?.message.hasSuffix("it is not used (did you mean 'fallback', which this file lacks?)") == true, "\(report.diagnostics)")
    }

    /// A strings file that does not parse: its YAML error, not also every key it then lacks.
    @Test func aStringsFileThatDoesNotParseIsReportedAsSuch() throws {
        var templates = Self.templates
        templates["strings/fr.yaml"] = "languages: [Langues\nfallback: Pas encore traduit.\n"
        let (report, _) = try Self.build(templates: templates)
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.location.path == "templates/strings/fr.yaml", "\(errors)")
        #expect(errors.first?.location.line == 1 && errors.first?.message.contains("this list is not closed on its line") == true, "\(errors)")
    }

    @Test func eachLanguageGetsTheScriptsInItsWords() throws {
        var templates = Self.templates
        templates["assets/app.js"] = "say(\"{{t.languages}}\");\n"
        let (report, output) = try Self.build(templates: templates)
        #expect(report.succeeded)
        #expect(Self.page(output, "assets/app.js") == "say(\"Languages\");\n")
        #expect(Self.page(output, "fr/assets/app.js") == "say(\"Langues\");\n")
        // A word the language lacks is reported at the script's tag.
        templates["assets/app.js"] = "x;\nsay(\"{{t.nowhere}}\");\n"
        let (failed, _) = try Self.build(templates: templates)
        #expect(failed.diagnostics.contains { $0.location.path == "templates/assets/app.js" && $0.location.line == 2 && $0.location.column == 6 })
    }

    /// Each page's dates in its language's words from CLDR, readable without scripts (French
    /// pages showed the ISO date: session 24's writer trial); a language with no CLDR data
    /// gets the ISO date.
    @Test func datesAreWrittenInThePagesLanguage() throws {
        let (_, output) = try Self.build()
        #expect(Self.page(output, "fr/guides/settings/index.html").contains("<time datetime=\"2026-11-03\">3 novembre 2026</time>"))
        #expect(Self.page(output, "guides/settings/index.html").contains("<time datetime=\"2026-11-02\">2 November 2026</time>"))
        let date = try #require(CalendarDate(year: 2026, month: 11, day: 3))
        #expect(DateInfo(date, language: "de-DE").text == "3. November 2026")
        #expect(DateInfo(date, language: "qx-ZZ").text == "2026-11-03")
    }

    @Test func aLanguageWithoutAStringsFileIsAnError() throws {
        var templates = Self.templates
        templates["strings/fr.yaml"] = nil
        let (report, _) = try Self.build(templates: templates)
        #expect(report.diagnostics.contains { $0.severity == .error && $0.message.contains("templates/strings/fr.yaml") })
    }

    @Test(arguments: [
        ("Say \"hi\" <b>", ThemeStrings.Escaping.html, "Say &quot;hi&quot; &lt;b&gt;"),
        ("All {{count}} <x>", .html, "All {{count}} &lt;x&gt;"),
        ("It's \"ok\"\n</script>", .javaScript, "It\\'s \\\"ok\\\"\\n\\u003c/script>"),
    ])
    func wordsAreEscapedForWhereTheyGo(value: String, escaping: ThemeStrings.Escaping, expected: String) {
        #expect(ThemeStrings.escape(value, escaping) == expected)
    }

    /// Placeholders are filled in one pass: what an argument brings in (a collection's title
    /// with braces in it) stays as written, whatever the order of the arguments.
    @Test func placeholdersAreFilledOnceFromTheStart() {
        let arguments = ["title": "Coll {{page}} {{pages}}", "page": "2", "pages": "3"]
        #expect(ThemeStrings.fill("{{title}}, page {{page}} of {{pages}} {{other}}", arguments) == "Coll {{page}} {{pages}}, page 2 of 3 {{other}}")
        #expect(ThemeStrings.fill("{{page}}{{", arguments) == "2{{")
        #expect(ThemeStrings.fill("}}{{page}}", [:]) == "}}{{page}}")
    }

    // MARK: Configuration

    @Test func languagesAreReadFromTheConfiguration() {
        let yaml = """
            language: en-GB
            languages:
              en: { tag: en-GB, name: English }
              fr: { tag: fr-FR, name: Français, site_name: Centre d’aide, site_description: Des guides. }
              ar: { tag: ar, name: العربية, prefix: /arabic/ }
            """
        let (configuration, diagnostics) = SiteConfiguration.parse(yaml, path: "helpcenter.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let languages = configuration.languages
        #expect(languages.all.map(\.key) == ["en", "fr", "ar"])
        #expect(languages.primary.name == "English" && languages.primary.prefix.isEmpty)
        #expect(languages.language(key: "fr")?.prefix == "fr/")
        #expect(languages.language(key: "ar")?.prefix == "arabic/")
        #expect(languages.language(key: "ar")?.direction == .rightToLeft)
        let french = languages.language(key: "fr")
        #expect(french?.siteName == "Centre d’aide" && french?.siteDescription == "Des guides.")
        #expect(french.map { configuration.edition($0).name } == "Centre d’aide")
        #expect(languages.language(key: "ar").map { configuration.edition($0).name } == configuration.name)
    }

    @Test func eachLanguageSearchesWithItsOwnSynonyms() {
        let yaml = """
            language: en-GB
            search_synonyms:
              - [sign in, log in]
            languages:
              en: { tag: en-GB, name: English }
              fr: { tag: fr-FR, name: Français }
              de:
                tag: de-DE
                search_synonyms:
                  - [anmelden, einloggen]
              pt: { tag: pt-BR }
            """
        let (configuration, diagnostics) = SiteConfiguration.parse(yaml, path: "helpcenter.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let languages = configuration.languages
        // The top-level list is the default language's; French gets its built-in groups, German
        // its own list, and a language with neither none (English words would not help it).
        #expect(configuration.searchSettings.synonyms == [["sign in", "log in"]])
        #expect(languages.language(key: "fr").map { configuration.edition($0).searchSettings.synonyms } == SearchSettings.frenchSynonyms)
        #expect(languages.language(key: "de").map { configuration.edition($0).searchSettings.synonyms } == [["anmelden", "einloggen"]])
        #expect(languages.language(key: "pt").map { configuration.edition($0).searchSettings.synonyms } == [])
        let (bad, problems) = SiteConfiguration.parse("language: en\nlanguages:\n  fr: { tag: fr, search_synonyms: [solo] }\n", path: "helpcenter.yaml")
        let synonymProblems = problems.filter { $0.message.contains("search_synonyms") }
        #expect(
            synonymProblems.map(\.message) == [
                "'search_synonyms' is a list of groups, each a list of its own: write - [sign in, log in], a group a line (or search_synonyms: [[sign in, log in]])"
            ])
        #expect(synonymProblems.first?.location.line == 3)
        #expect(bad.languages.language(key: "fr")?.searchSynonyms == [])
    }

    @Test func aSynonymGroupThatIsOneWordOrTooSmallIsNamedAtItsLine() {
        let yaml = "language: en\nsearch_synonyms:\n  - [sign in, log in]\n  - text\n  - [sms]\n  - 2fa, mfa\n  -\n"
        let (configuration, problems) = SiteConfiguration.parse(yaml, path: "helpcenter.yaml")
        #expect(
            problems.map(\.message) == [
                "this group of 'search_synonyms' is the single word 'text'; a group lists two words or phrases or more that mean the same, e.g. - [sign in, log in]",
                "each group of 'search_synonyms' must list two words or phrases or more, e.g. [sign in, log in]",
                "this group of 'search_synonyms' is not in brackets: write - [2fa, mfa]",
                "each group of 'search_synonyms' must list two words or phrases or more, e.g. [sign in, log in]",
            ])
        #expect(problems.map(\.location.line) == [4, 5, 6, 7])
        #expect(configuration.searchSettings.synonyms == [["sign in", "log in"]])
    }

    @Test func synonymGroupsWrittenWithoutBracketsAreToldSo() {
        let (_, problems) = SiteConfiguration.parse("search_synonyms:\n  - sign in, log in\n  - 2fa, mfa\n", path: "helpcenter.yaml")
        #expect(
            problems.map(\.message) == [
                "each group of 'search_synonyms' goes in brackets: write - [sign in, log in], a group a line (or search_synonyms: [[sign in, log in]])"
            ])
        #expect(problems.first?.location.line == 2)
    }

    @Test(arguments: [
        ("languages:\n  fr: { name: Français }\n", "needs a 'tag'"),
        ("languages:\n  fr: { tag: français }\n", "is not a BCP 47 language tag"),
        ("languages:\n  FR: { tag: fr-FR }\n", "a language key must be"),
        ("languages:\n  fr: { tag: fr-FR, prefix: /x/ }\n  de: { tag: de-DE, prefix: /x/ }\n", "have the same prefix"),
        ("languages:\n  fr: { tag: fr-FR, dir: up }\n", "'dir' must be ltr or rtl"),
        // Where the site writes its own pages: the French home would replace the search page.
        ("languages:\n  fr: { tag: fr-FR, prefix: /search/ }\n", "is where the site writes its own pages"),
        ("languages:\n  fr: { tag: fr-FR, prefix: collections }\n", "is where the site writes its own pages"),
        ("languages:\n  fr: { tag: fr-FR, prefix: /sitemap.xml/ }\n", "is where the site writes its own pages"),
        // One language's pages inside another's.
        ("languages:\n  fr: { tag: fr-FR }\n  de: { tag: de-DE, prefix: /fr/guides/ }\n", "is inside /fr/, the prefix of 'fr'"),
        ("languages:\n  fr: { tag: fr-FR }\n  de: { tag: fr-fr }\n", "have the same tag"),
        ("languages:\n  en: { tag: en-GB }\n  eng: { tag: en-GB }\n", "the default language (en-GB) is listed twice"),
    ])
    func badLanguagesAreErrorsAtTheirPlace(yaml: String, message: String) {
        let (_, diagnostics) = SiteConfiguration.parse("language: en-GB\n" + yaml, path: "helpcenter.yaml")
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains(message) && $0.location.line > 1 }, "\(diagnostics)")
    }

    /// BCP 47 tags are case-insensitive: `language: en-gb` and `en: { tag: en-GB }` are one
    /// language (they made a second English site under /en/).
    @Test func theDefaultLanguageIsKnownWhateverTheCaseOfItsTag() {
        let (configuration, diagnostics) = SiteConfiguration.parse(
            "language: en-gb\nlanguages:\n  en: { tag: en-GB, name: English }\n  fr: { tag: fr-FR, name: Français }\n", path: "helpcenter.yaml")
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        #expect(configuration.languages.all.map(\.key) == ["en", "fr"])
        #expect(configuration.languages.primary.name == "English")
    }

    /// An English alias under the French prefix would be replaced by the French pages.
    @Test func anAliasUnderAnotherLanguagesPrefixIsAnError() throws {
        let settings = try SiteTestSupport.fixtureTree("content").read("guides/settings.md")
        let aliased = "---\naliases: [/fr/, /fr/old-settings/]\n" + String(decoding: settings, as: UTF8.self).dropFirst(4)
        let (report, _) = try Self.build(["guides/settings.fr.md": Self.settingsInFrench, "guides/settings.md": aliased])
        let errors = report.diagnostics.filter { $0.severity == .error && $0.message.contains("where the language 'fr' is published") }
        #expect(errors.count == 2, "\(report.diagnostics)")
    }

    /// Each language's page has a feedback key of its own (the collector keeps one article per key).
    @Test func eachLanguagesArticleNamesItsOwnAddressForFeedback() throws {
        var templates = Self.templates
        templates["article.mustache"] = "<section class=\"feedback\" data-article=\"{{article.sitePath}}\"></section>"
        let (report, output) = try Self.build(templates: templates)
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(Self.page(output, "guides/settings/index.html").contains("data-article=\"guides/settings/\""))
        #expect(Self.page(output, "fr/guides/settings/index.html").contains("data-article=\"fr/guides/settings/\""))
    }

    // MARK: Translation status

    /// The hash a translation names: the body's SHA-256 with CRLF made LF and trailing white
    /// space (by character) taken off, as it was computed before a body without a carriage
    /// return skipped Foundation's `replacingOccurrences`, so that hashes already written in
    /// translations stay valid. The bytes hashed are listed; the digests are Python's
    /// `hashlib.sha256`. Foundation leaves a CRLF followed by a combining mark as it is.
    @Test(arguments: [
        ("Body.\n", "Body.", "521b25cc4586"), ("a\r\nb\r\n\r\n  \t", "a\nb", "7e18f737311b"), ("a\r\r\nb", "a\r\nb", "18745f36a05e"),
        ("x\u{A0}\u{2029}\r", "x", "2d711642b726"), ("x\u{3000}\u{2028}\u{85} \t\n", "x", "2d711642b726"), ("x\ny", "x\ny", nil),
        ("é\r\n\u{301}\r\n", "é\r\n\u{301}", nil), ("\r\n", "", "e3b0c44298fc"), ("", "", "e3b0c44298fc"),
    ])
    func theBodyHashIgnoresLineEndingsAndTrailingSpace(body: String, hashed: String, digest: String?) {
        #expect(SourceVersion.hashedBytes(Substring(body)) == Array(hashed.utf8))
        let hash = SourceVersion.bodyHash(Substring(body))
        if let digest { #expect(hash == digest) }
        #expect(hash.utf8.count == 12)
    }

    @Test func theStatusSaysWhichTranslationsAreCurrentOutdatedUnversionedOrMissing() throws {
        let settings = try SiteTestSupport.fixtureTree("content").read("guides/settings.md")
        let hash = SourceVersion.bodyHash(Substring(FrontMatterSplitter.split(String(decoding: settings, as: UTF8.self)).body))
        let byHash = Self.settingsInFrench.replacingOccurrences(of: "translation_of: 2026-11-02", with: "translation_of: \(hash)")
        let older = Self.settingsInFrench.replacingOccurrences(of: "translation_of: 2026-11-02", with: "translation_of: 2026-10-01")
        let none = Self.settingsInFrench.replacingOccurrences(of: "translation_of: 2026-11-02\n", with: "")
        for (text, state) in [
            (Self.settingsInFrench, TranslationStatusReport.Entry.State.current), (byHash, .current), (older, .outdated), (none, .unversioned),
        ] {
            let content = try SiteTestSupport.merged(SiteTestSupport.fixtureTree("content"), ["guides/settings.fr.md": text], prefix: "content/")
            let builder = SiteBuilder(configuration: Self.configuration, content: content, templates: SiteTestSupport.fixtureTree("templates"))
            let (status, problems) = try builder.translationStatus()
            #expect(problems.isEmpty)
            let entry = status.entries.first { $0.sourcePath == "guides/settings.md" }
            #expect(entry?.state == state, "\(text)")
            #expect(status.entries.first { $0.sourcePath == "guides/first-steps.md" }?.state == .missing)
            // A draft source needs no translation.
            #expect(!status.entries.contains { $0.sourcePath == "guides/draft-notes.md" })
        }
    }

    /// A draft translation is still missing from the site, and the report names the draft, so a
    /// team can tell work under way from work not begun.
    @Test func aDraftTranslationIsMissingAndNamed() throws {
        let draft = Self.settingsInFrench.replacingOccurrences(of: "---\ntitle:", with: "---\ndraft: true\ntitle:")
        let content = try SiteTestSupport.merged(SiteTestSupport.fixtureTree("content"), ["guides/settings.fr.md": draft], prefix: "content/")
        let builder = SiteBuilder(configuration: Self.configuration, content: content, templates: SiteTestSupport.fixtureTree("templates"))
        let (status, _) = try builder.translationStatus()
        let entry = try #require(status.entries.first { $0.sourcePath == "guides/settings.md" })
        #expect(entry.state == .missing)
        #expect(
            TranslationStatusReport.message(for: entry).hasPrefix(
                "no published fr-FR translation (fr): content/guides/settings.fr.md is a draft (remove its 'draft: true' to publish it)"),
            "\(TranslationStatusReport.message(for: entry))")
        let untouched = try #require(status.entries.first { $0.sourcePath == "guides/first-steps.md" })
        #expect(TranslationStatusReport.message(for: untouched).hasPrefix("no fr-FR translation (fr): "))
    }

    /// A translation whose front matter has an error is named as such, not as "a draft or has an
    /// error" (session 23's translator trial could not tell which).
    @Test func aTranslationWithAnErrorIsNamedAsSuch() throws {
        let broken = Self.settingsInFrench.replacingOccurrences(of: "title: Réglages", with: "title: [Réglages")
        #expect(broken != Self.settingsInFrench)
        let content = try SiteTestSupport.merged(SiteTestSupport.fixtureTree("content"), ["guides/settings.fr.md": broken], prefix: "content/")
        let builder = SiteBuilder(configuration: Self.configuration, content: content, templates: SiteTestSupport.fixtureTree("templates"))
        let (status, problems) = try builder.translationStatus()
        #expect(problems.contains { $0.location.path == "content/guides/settings.fr.md" && $0.severity == .error }, "\(problems)")
        let entry = try #require(status.entries.first { $0.sourcePath == "guides/settings.md" })
        #expect(entry.state == .missing)
        #expect(
            TranslationStatusReport.message(for: entry).hasPrefix(
                "no published fr-FR translation (fr): content/guides/settings.fr.md has an error, reported at it"),
            "\(TranslationStatusReport.message(for: entry))")
    }

    /// A `translation_of` of neither form: an error at the value, and a status that says the
    /// value names no version (it said the field was missing: "add translation_of").
    @Test func aTranslationOfNeitherFormIsSaidToNameNoVersion() throws {
        let short = Self.settingsInFrench.replacingOccurrences(of: "translation_of: 2026-11-02", with: "translation_of: 3b8f8ac")
        let content = try SiteTestSupport.merged(SiteTestSupport.fixtureTree("content"), ["guides/settings.fr.md": short], prefix: "content/")
        let builder = SiteBuilder(configuration: Self.configuration, content: content, templates: SiteTestSupport.fixtureTree("templates"))
        let (status, problems) = try builder.translationStatus()
        #expect(problems.contains { $0.severity == .error && $0.message.contains("found '3b8f8ac'") }, "\(problems)")
        let entry = try #require(status.entries.first { $0.sourcePath == "guides/settings.md" })
        #expect(entry.state == .unversioned)
        let message = TranslationStatusReport.message(for: entry)
        #expect(message.contains("translation_of: 3b8f8ac is neither a date nor a hash"), "\(message)")
        #expect(!message.contains("does not say which version"))
        #expect(status.diagnostics().first { $0.id == "translation-unversioned" }?.location.line == problems.first?.location.line)
    }

    @Test func anOutdatedTranslationNamesTheSectionsThatChanged() throws {
        let content = try SiteTestSupport.merged(
            SiteTestSupport.fixtureTree("content"),
            ["guides/settings.fr.md": Self.settingsInFrench.replacingOccurrences(of: "2026-11-02", with: "2026-10-01")], prefix: "content/")
        let builder = SiteBuilder(configuration: Self.configuration, content: content, templates: SiteTestSupport.fixtureTree("templates"))
        let old = "---\ntitle: Settings\nupdated: 2026-10-01\n---\nBack to [first steps](first-steps.md).\n\n## Change a setting\n\nOld text.\n"
        let (status, _) = try builder.translationStatus { path, version in
            path == "guides/settings.md" && version == "2026-10-01" ? .text(old) : .unknown
        }
        let entry = try #require(status.entries.first { $0.sourcePath == "guides/settings.md" })
        #expect(entry.state == .outdated)
        #expect(entry.changedSections?.contains("Change a setting") == true)
        #expect(TranslationStatusReport.message(for: entry).contains("changed sections: 'Change a setting'"))
        let diagnostics = status.diagnostics()
        #expect(diagnostics.contains { $0.id == "translation-outdated" && $0.location.path == "content/guides/settings.fr.md" && $0.location.line == 5 })
    }

    /// A version the source's history does not have (a mistyped hash) is said to be missing
    /// from it, not "changed after the version this translation names".
    @Test func aVersionMissingFromTheHistoryIsSaidToBeMissing() throws {
        let typo = "0123456789ab"
        let content = try SiteTestSupport.merged(
            SiteTestSupport.fixtureTree("content"),
            ["guides/settings.fr.md": Self.settingsInFrench.replacingOccurrences(of: "2026-11-02", with: typo)], prefix: "content/")
        let builder = SiteBuilder(configuration: Self.configuration, content: content, templates: SiteTestSupport.fixtureTree("templates"))
        let (status, _) = try builder.translationStatus { _, _ in .noSuchVersion(commitsSearched: 4) }
        let entry = try #require(status.entries.first { $0.sourcePath == "guides/settings.md" })
        #expect(entry.state == .outdated)
        let message = TranslationStatusReport.message(for: entry)
        #expect(
            message.hasPrefix(
                "no version of content/guides/settings.md in its git history (4 commits) has the hash 0123456789ab, as this fr-FR translation's translation_of says: check it for a typo; if the translation is of the source as it is now, set translation_of: "
            ), "\(message)")
        #expect(!message.contains("changed after"))
    }

    @Test func sectionChangesAreFoundByHeading() {
        let old = "Intro.\n\n## One\n\nA.\n\n## Two\n\nB.\n\n```\n## not a heading\n```\n"
        let new = "Intro.\n\n## One\n\nA changed.\n\n## Two\n\nB.\n\n```\n## not a heading\n```\n\n## Three\n\nC.\n"
        #expect(SectionChanges.changed(from: old, to: new) == ["One", "Three"])
        #expect(SectionChanges.changed(from: new, to: old) == ["One", "Three (removed)"])
    }

    @Test func theScaffoldNamesTheSourcesCurrentHash() {
        let source = "---\ntitle: Settings\nupdated: 2026-11-02\n---\nBody.\n"
        let scaffold = TranslationScaffold(
            sourcePath: "guides/settings.md", sourceText: source, key: "fr", updated: CalendarDate(year: 2026, month: 12, day: 5)!)
        #expect(scaffold.path == "guides/settings.fr.md")
        #expect(scaffold.text.contains("translation_of: \(SourceVersion.bodyHash("Body.\n"))"))
        #expect(scaffold.text.contains("updated: 2026-12-05"))
        #expect(scaffold.text.hasSuffix("---\nBody.\n"))
        #expect(scaffold.isDraft && scaffold.text.contains("\ndraft: true  #"))
    }

    /// An article's translation is a draft until translated, whatever the source says; a
    /// collection's has no drafts.
    @Test func theScaffoldIsADraftForArticlesOnly() {
        let date = CalendarDate(year: 2026, month: 12, day: 5)!
        let article = TranslationScaffold(
            sourcePath: "guides/settings.md", sourceText: "---\ntitle: Settings\ndraft: false\n---\nBody.\n", key: "fr", updated: date)
        #expect(article.text.components(separatedBy: "\ndraft:").count == 2)
        #expect(article.text.contains("\ndraft: true  #"))
        let collection = TranslationScaffold(sourcePath: "guides/_index.md", sourceText: "---\ntitle: Guides\n---\n", key: "fr", updated: date)
        #expect(!collection.isDraft && !collection.text.contains("draft:"))
    }
}
