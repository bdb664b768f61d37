import HelpCenterDiagnostics
import Testing

@testable import HelpCenterSite

@Suite("Article bodies")
struct BodyRenderingTests {
    @Test(arguments: CalloutKind.allCases)
    func calloutsBecomeLabelledAsides(_ kind: CalloutKind) {
        let body = SiteTestSupport.renderBody("> [!\(kind.rawValue.uppercased())]\n> Keep your key safe.\n")
        #expect(body.html.contains("<aside class=\"callout callout-\(kind.rawValue)\" role=\"note\" aria-labelledby=\"callout-1\">"))
        #expect(body.html.contains("<span>\(kind.label)</span>"))
        #expect(body.html.contains("aria-hidden=\"true\""))
        #expect(body.html.contains("<p>Keep your key safe.</p>"))
        #expect(!body.html.contains("[!"))
    }

    @Test func aQuoteThatOnlyMentionsAMarkerStaysAQuote() {
        let body = SiteTestSupport.renderBody("> [!NOTE] is how you write a note.\n")
        #expect(body.html.contains("<blockquote>"))
        #expect(!body.html.contains("callout"))
        // Said, since a writer may have meant a note; written as code, the marker is quiet.
        #expect(
            body.diagnostics.map(\.message) == [
                "[!NOTE] is a callout only alone on the quote's first line, so this quote is published with the marker as text; start the callout's text on the next line"
            ])
        #expect(SiteTestSupport.renderBody("> `[!NOTE]` is how you write a note.\n").diagnostics.isEmpty)
    }

    /// A misspelled callout was published as a quote with its marker, without a word.
    @Test(arguments: [
        ("> [!NOTEE]\n> Text.\n", "[!NOTEE] is not a callout (did you mean [!NOTE]?)"),
        ("> [!rule] one-method\n", "[!rule] is not a callout (did you mean [!RULE]?)"),
        ("> [!Hint]\n> Text.\n", "[!Hint] is not a callout, so"),
        ("> [!EXAMPLE] Adding a `backup` phone\n", "[!EXAMPLE] takes the scenario's name as plain text on its line"),
        ("> [!RULE] one-method *see below*\n", "[!RULE] takes the rule's id as plain text on its line"),
    ])
    func anUnknownCalloutIsAWarningWithTheKnownOnes(markdown: String, message: String) {
        let body = SiteTestSupport.renderBody(markdown)
        #expect(body.html.contains("<blockquote>"))
        #expect(body.diagnostics.count == 1)
        #expect(body.diagnostics.first?.id == "unknown-callout")
        #expect(body.diagnostics.first?.severity == .warning)
        #expect(body.diagnostics.first?.message.hasPrefix(message) == true, "\(body.diagnostics)")
        if message.contains("is not a callout") {
            #expect(
                body.diagnostics.first?.message.hasSuffix("the callouts are [!NOTE], [!TIP], [!IMPORTANT], [!WARNING], [!CAUTION], [!RULE], [!EXAMPLE]") == true
            )
        }
        #expect(body.diagnostics.first?.location.line == 1)
    }

    @Test func headingsGetStableUniqueIDs() {
        let body = SiteTestSupport.renderBody("## Set up 2FA!\n\n## FAQ\n\n### FAQ\n\n## Top\n")
        #expect(body.headings.map(\.id) == ["set-up-2fa", "faq", "faq-1", "top-1"])
        let named = SiteTestSupport.renderBody("## TOC title\n\n## Image dialog title\n")
        #expect(named.headings.map(\.id) == ["toc-title-1", "image-dialog-title-1"])
        #expect(body.html.contains("<h2 id=\"set-up-2fa\">Set up 2FA!</h2>"))
    }

    @Test func aLevelOneHeadingIsDemotedWithAWarning() {
        let body = SiteTestSupport.renderBody("# Title again\n")
        #expect(body.html.contains("<h2 id=\"title-again\">"))
        #expect(body.diagnostics.first?.id == "heading-level")
    }

    @Test func imagesOnTheirOwnBecomeFiguresWithSizeAndCaption() {
        let body = SiteTestSupport.renderBody(
            "![The screen](images/s.png \"The screen, open\")\n",
            files: ["guides/images/s.png": ImageDimensions(width: 640, height: 480)])
        #expect(body.diagnostics.isEmpty)
        #expect(
            body.html == """
                <figure>
                <a class="figure-image" href="../../guides/images/s.png"><img src="../../guides/images/s.png" alt="The screen" width="640" height="480" loading="lazy" decoding="async"><span class="figure-image-hint">Open larger</span></a>
                <figcaption>The screen, open</figcaption>
                </figure>

                """)
    }

    @Test func anImageInTextIsNotALink() {
        let body = SiteTestSupport.renderBody(
            "See ![the icon](images/i.png) here.\n", files: ["guides/images/i.png": ImageDimensions(width: 16, height: 16)])
        #expect(body.html.contains("<p>See <img src=\"../../guides/images/i.png\" alt=\"the icon\""))
        #expect(!body.html.contains("<a "))
    }

    @Test func tablesScrollInAFocusableRegionNamedAfterTheirSection() {
        let body = SiteTestSupport.renderBody(
            "| A | B |\n|---|---|\n| 1 | 2 |\n\n## Your situation\n\n| C | D |\n|---|---|\n| 3 | 4 |\n\n| E | F |\n|---|---|\n| 5 | 6 |\n")
        let wrappers = body.html.split(separator: "\n").filter { $0.hasPrefix("<div class=\"table-wrapper\"") }
        #expect(
            wrappers == [
                "<div class=\"table-wrapper\" role=\"region\" tabindex=\"0\" aria-label=\"Table: A, B\">",
                "<div class=\"table-wrapper\" role=\"region\" tabindex=\"0\" aria-label=\"Table: Your situation\">",
                "<div class=\"table-wrapper\" role=\"region\" tabindex=\"0\" aria-label=\"Table: Your situation (2)\">",
            ])
    }

    @Test func aTableLabelIsEscaped() {
        let body = SiteTestSupport.renderBody("## Costs & limits > 3\n\n| A |\n|---|\n| 1 |\n")
        #expect(body.html.contains("aria-label=\"Table: Costs &amp; limits &gt; 3\""))
    }

    @Test func missingImagesAndEmptyAltAreErrorsAtTheirPosition() {
        let body = SiteTestSupport.renderBody(
            "Text\n\n![](images/x.png)\n\n![Alt](images/missing.png)\n",
            files: ["guides/images/x.png": ImageDimensions(width: 1, height: 1)])
        let errors = body.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.id) == ["image-alt", "missing-image"])
        #expect(errors.map(\.location.line) == [3, 5])
    }

    @Test func linksToArticlesBecomePageURLs() {
        let body = SiteTestSupport.renderBody(
            "See [keys](../other/keys.md#new-key), [intro](intro.md), [the collection](_index.md) and [top](#top).\n",
            pages: ["other/keys.md", "guides/intro.md", "guides/_index.md"])
        #expect(body.diagnostics.isEmpty)
        #expect(body.html.contains("<a href=\"../../other/keys/#new-key\">keys</a>"))
        #expect(body.html.contains("<a href=\"../../guides/intro/\">intro</a>"))
        #expect(body.html.contains("<a href=\"../../guides/\">the collection</a>"))
        #expect(body.anchorReferences.map(\.anchor) == ["new-key", "", "", "top"])
    }

    /// A link on a lazy continuation line (no `- ` or `> ` of its own) was reported as many
    /// columns right as the markers it lacks (session 24's writer trial), and one on a line
    /// indented more than the item's text short by the difference. (A top-level paragraph's
    /// indented line keeps libcmark-gfm's column: `TreeCopier.position`.)
    @Test func linksOnLazyLinesAreReportedAtTheirColumn() {
        let body = SiteTestSupport.renderBody(
            """
            - First line
            continues [a](missing-a.md) and é [b](missing-b.md)

            > Quote
            lazy [c](missing-c.md)
            >no space [d](missing-d.md)

            > - item
            > cont [e](missing-e.md)

            1. Item
               indented [f](missing-f.md)
                 deeper [g](missing-g.md)

            """)
        let places = body.diagnostics.filter { $0.id == "broken-link" }.map { [$0.location.line, $0.location.column] }
        #expect(places == [[2, 11], [2, 35], [5, 6], [6, 11], [9, 8], [12, 13], [13, 13]], "\(body.diagnostics)")
    }

    @Test func everyBrokenLinkIsReportedInOneRun() {
        let body = SiteTestSupport.renderBody("[a](missing.md)\n\n[b](../../outside.md)\n\n[c](files/gone.pdf)\n")
        #expect(body.diagnostics.map(\.location.line) == [1, 3, 5])
        #expect(body.diagnostics.allSatisfy { $0.severity == .error && $0.id == "broken-link" })
        #expect(body.diagnostics[0].message.contains("content/guides/missing.md"))
    }

    @Test(arguments: [
        "javascript:alert(1)", "JAVASCRIPT:alert(1)", "java\tscript:alert(1)", " vbscript:msgbox", "data:text/html;base64,PHNjcmlwdD4=",
    ])
    func unsafeLinksNeverReachTheOutput(_ url: String) {
        let markdown = "[click](<\(url)>) and ![pic](<\(url)>)\n"
        let body = SiteTestSupport.renderBody(markdown)
        #expect(!body.html.lowercased().contains("script:"))
        #expect(!body.html.contains("data:text"))
        #expect(body.html.contains("click"))
        #expect(body.diagnostics.contains { $0.id == "unsafe-url" })
    }

    @Test func rasterDataImagesAreAllowed() {
        let body = SiteTestSupport.renderBody("![dot](data:image/png;base64,iVBORw0KGgo=)\n")
        #expect(body.html.contains("src=\"data:image/png;base64,iVBORw0KGgo=\""))
    }

    @Test func rawHTMLIsLeftOutWithAWarningUnlessAllowed() {
        let markdown = "<div class=\"x\">hi</div>\n\nText <b>bold</b> <!-- note -->\n"
        let omitted = SiteTestSupport.renderBody(markdown)
        #expect(!omitted.html.contains("<div"))
        #expect(!omitted.html.contains("<b>"))
        #expect(omitted.diagnostics.map(\.location.line) == [1, 3, 3])
        #expect(omitted.diagnostics.allSatisfy { $0.id == "raw-html" && $0.severity == .warning })
        let kept = SiteTestSupport.renderBody(markdown + "\n<script>alert(1)</script>\n", rawHTML: true)
        #expect(kept.html.contains("<div class=\"x\">hi</div>"))
        #expect(kept.html.contains("&lt;script>"))
        #expect(kept.diagnostics.isEmpty)
    }

    @Test func gfmTablesTaskListsStrikethroughAndFootnotes() {
        let body = SiteTestSupport.renderBody(
            """
            | a | b |
            |:-:|--:|
            | 1 | 2 |

            - [x] done
            - [ ] open

            ~~old~~ and https://example.com, a note[^n]

            [^n]: A footnote.

            """)
        #expect(body.html.contains("<th style=\"text-align: center\">a</th>"))
        #expect(body.html.contains("<td style=\"text-align: right\">2</td>"))
        #expect(body.html.contains("<input type=\"checkbox\" disabled checked aria-label=\"Done\">"))
        #expect(body.html.contains("<del>old</del>"))
        #expect(body.html.contains("<a href=\"https://example.com\">https://example.com</a>"))
        #expect(body.html.contains("<a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a>"))
        #expect(body.html.contains("<li id=\"fn-1\">"))
    }

    /// `[text][label]`, `[text][]` and `[^note]` with no definition were published with their
    /// brackets and no word to the writer (session 24's writer trial).
    @Test func referencesWithoutADefinitionAreWarnedAboutAtTheirColumn() {
        let body = SiteTestSupport.renderBody(
            """
            See [the guide][guide], [Recovery keys][] and a note[^gone]; [ok][def] works.
            A [**bold** one][missing], [[Save]] and [x] are not references.

            [def]: https://example.com

            """)
        let warnings = body.diagnostics.filter { $0.id == "undefined-reference" }
        #expect(warnings.map(\.severity) == [.warning, .warning, .warning, .warning], "\(body.diagnostics)")
        #expect(warnings.map(\.location.line) == [1, 1, 1, 2])
        #expect(warnings.map(\.location.column) == [5, 25, 53, 16])
        #expect(
            warnings[0].message
                == "[the guide][guide] is a reference link, but the article defines no [guide], so readers see the brackets; add a line '[guide]: <address>' to the article, write it inline ([text](address)), or escape brackets meant as text: \\[ \\]"
        )
        #expect(warnings[1].message.hasPrefix("[Recovery keys][] is a reference link, but the article defines no [Recovery keys]"))
        #expect(warnings[2].message.hasPrefix("[^gone] is a footnote, but the article has no '[^gone]: …' note"))
        #expect(warnings[3].message.hasPrefix("[…][missing] is a reference link"))
        #expect(body.html.contains("<a href=\"https://example.com\">ok</a>"))
        // A code span or escapes show brackets without a warning; UI labels side by side are not references.
        let quiet = SiteTestSupport.renderBody("Type `[a][b]` and press [[Save]][[Cancel]], or é [x], \\[Ctrl\\]\\[Alt\\] or [i]\\[j] or \\[^.].\n")
        #expect(quiet.diagnostics.isEmpty, "\(quiet.diagnostics)")
        // Columns are the source's, whatever escapes, entities and smart punctuation did to
        // the text before (the review found them counted in the parsed text).
        let shifted = SiteTestSupport.renderBody("&amp; &copy; [x][y]\n\na\\* \\* [x][y]\n\nWait... -- see [x][y] and ![img][missing]\n")
        #expect(shifted.diagnostics.map(\.location.column) == [14, 8, 16, 27], "\(shifted.diagnostics)")
        #expect(
            shifted.diagnostics.last?.message.hasPrefix(
                "![img][missing] is a reference image, but the article defines no [missing], so readers see the brackets; add a line '[missing]: <address>' to the article, write it inline (![alt](file))"
            ) == true, "\(shifted.diagnostics)")
    }

    @Test(arguments: [
        ("[a][b]", [0]), ("x ][y]", [2]), ("[[l]][m]", []), ("[^n] and [^ n]", [0]), ("[a][ ]", []), ("]", []), ("[^]", []),
    ])
    func unresolvedReferencesAreFoundInText(_ text: String, offsets: [Int]) {
        #expect(ArticleBodyRenderer.unresolvedReferences(in: text.utf8.span).map(\.offset) == offsets)
    }

    @Test func smartPunctuationInSiteMode() {
        let body = SiteTestSupport.renderBody("\"Quoted\" -- it's done...\n")
        #expect(body.html.contains("“Quoted” – it’s done…"))
    }
}

@Suite("Heading ids")
struct HeadingSluggerTests {
    /// Headings that are ASCII but for smart punctuation take the byte path; it must give what
    /// the character path gives.
    @Test(arguments: [
        "Who gets notified when I add a backup?", "What\u{2019}s new \u{2014} in 2026\u{2026}", "\u{201C}Quoted\u{201D} – dash",
        "Spaces\u{2003}em", "A_b-C 9", "\u{2018}\u{2019}",
    ])
    func asciiAndCharacterPathsAgree(_ heading: String) {
        #expect(HeadingSlugger.isASCIIWithPunctuation(heading))
        #expect(HeadingSlugger.asciiSlug(heading) == HeadingSlugger.characterSlug(heading))
    }

    @Test(arguments: ["Café", "a\u{200D}b", "日本語", "e\u{301}t\u{e9}"])
    func otherScriptsTakeTheCharacterPath(_ heading: String) {
        #expect(!HeadingSlugger.isASCIIWithPunctuation(heading))
        #expect(HeadingSlugger.baseSlug(heading) == HeadingSlugger.characterSlug(heading))
    }

    @Test func repeatsAreNumbered() {
        var slugger = HeadingSlugger(reserved: ["toc"])
        #expect(["FAQ", "FAQ", "toc", "FAQ"].map { slugger.slug(for: $0) } == ["faq", "faq-1", "toc-1", "faq-2"])
    }
}
