import HelpCenterCalendar
import HelpCenterDiagnostics
import HelpCenterMarkdown
import Testing

@testable import HelpCenterSite

/// Rule callouts, worked examples, UI labels and citations, against a small hand-made policy.
@Suite("Policy in articles")
struct PolicyDirectiveTests {
    static let policy = SitePolicy(
        rules: [
            SitePolicy.Rule(
                id: "one-method", title: "One backup method at a time", sentence: "A phone number or an email address, not both.",
                changed: CalendarDate(year: 2026, month: 10, day: 1)),
            SitePolicy.Rule(
                id: "distinct-from-account", title: "Different from your account", sentence: "Not a detail you already use.",
                changed: CalendarDate(year: 2026, month: 11, day: 15)),
            SitePolicy.Rule(
                id: "recovery-key-first", title: "The recovery key comes first", sentence: "While you have the key, use the key.",
                changed: CalendarDate(year: 2026, month: 10, day: 1), isDerived: true),
        ],
        examples: [
            "Phone then email": SitePolicy.Example(
                name: "Phone then email", location: SourceLocation(path: "scenarios/a.yaml", line: 2, column: 11),
                starting: ["You sign in with jane@example.com.", "2FA is on."],
                steps: [
                    SitePolicy.ExampleStep(
                        action: "You enter 07700 900123 as your backup phone number.", result: "07700 900123 is saved as your backup phone number.",
                        ruleID: nil),
                    SitePolicy.ExampleStep(
                        action: "You set up a backup email address, j@x.org.", result: "It isn't allowed: one already exists.", ruleID: "one-method"),
                ],
                passed: true, problems: []),
            "Broken example": SitePolicy.Example(
                name: "Broken example", location: SourceLocation(path: "scenarios/b.yaml", line: 4, column: 11), starting: [], steps: [],
                passed: false, problems: ["scenarios/b.yaml:7:9: expected done, but the policy rejects this step"]),
            "Unwritten example": SitePolicy.Example(
                name: "Unwritten example", location: SourceLocation(path: "scenarios/c.yaml", line: 2, column: 11), starting: [], steps: [],
                passed: true, problems: [], unwritten: ["results.change_backup.same-phone"]),
        ],
        labels: [SitePolicy.Label(text: "Manage your account", kind: "screen")],
        diagram: SitePolicy.StateDiagram(
            states: [
                .init(id: "none-2fa-on", label: "2FA on\nNo backup method", column: 1, row: 0),
                .init(id: "phone-2fa-on", label: "2FA on\nBackup phone number", column: 1, row: 1),
            ],
            transitions: [.init(from: "none-2fa-on", to: "phone-2fa-on", label: "Add a backup phone number")]),
        wordingPath: "policy/backup-policy.yaml")

    private func render(_ markdown: String) -> RenderedBody {
        var index = ContentIndex()
        index.policy = Self.policy
        var context = ArticleBodyContext(sourcePath: "guides/page.md", displayPath: "content/guides/page.md", sitePath: "guides/page/")
        context.markdown = markdown
        // The fixtures are small documents, well within `MarkdownLimits.standard`.
        return ArticleBodyRenderer.render(try! MarkdownParser.parse(markdown), context: context, index: index)
    }

    @Test func ruleCalloutsShowThePolicyWording() {
        let body = render("Intro.\n\n> [!RULE] one-method\n")
        #expect(body.diagnostics.isEmpty)
        #expect(body.html.contains("<aside class=\"callout callout-rule\" role=\"note\" aria-labelledby=\"callout-1\" data-rule=\"one-method\">"))
        #expect(body.html.contains("Rule: One backup method at a time"))
        #expect(body.html.contains("<p>A phone number or an email address, not both.</p>"))
        #expect(body.html.contains("href=\"../../policy/#rule-one-method\">About this rule</a>"))
        #expect(!body.html.contains("How we check"))
        #expect(body.citedRules.map(\.value) == ["one-method"])
        #expect(body.citedRules.first?.location == SourceLocation(path: "content/guides/page.md", line: 3, column: 1))
    }

    /// Spec 1.1: a derived rule is the team's decision; its callout says so, and an article
    /// rule's callout does not.
    @Test func aDerivedRuleCalloutSaysItIsOurDecision() {
        let derived = render("> [!RULE] recovery-key-first\n")
        #expect(derived.diagnostics.isEmpty)
        #expect(derived.html.contains("Rule: The recovery key comes first"))
        #expect(derived.html.contains("<p class=\"callout-derived\">Our decision: Sage’s own help article on backup methods doesn’t say this."))
        let article = render("> [!RULE] one-method\n")
        #expect(!article.html.contains("callout-derived"))
        #expect(!article.html.contains("Our decision"))
    }

    @Test func anUnknownRuleIsAnErrorWithASuggestion() throws {
        let body = render("> [!RULE] one-methods\n")
        let error = try #require(body.diagnostics.first)
        #expect(error.id == "unknown-rule")
        #expect(error.location == SourceLocation(path: "content/guides/page.md", line: 1, column: 1))
        #expect(error.message.contains("did you mean 'one-method'") == true)
    }

    @Test func workedExamplesRenderEveryStepInWordsAsAList() {
        let body = render("> [!EXAMPLE] Phone then email\n")
        #expect(body.diagnostics.isEmpty)
        #expect(body.html.contains("<figure class=\"worked-example\""))
        #expect(body.html.contains("To start with:</strong> You sign in with jane@example.com. 2FA is on.</p>"))
        // A numbered list of steps (no table to scroll on a phone), each what you do, then what happens.
        #expect(!body.html.contains("<table"))
        #expect(body.html.contains("<ol class=\"worked-example-steps\">"))
        #expect(
            body.html.contains(
                "<li><p class=\"worked-example-action\">You enter 07700 900123 as your backup phone number.</p><p class=\"worked-example-result\"><span class=\"visually-hidden\">What happens: </span>07700 900123 is saved as your backup phone number.</p></li>"
            ))
        #expect(body.html.contains("One backup method at a time</a></p></li>"))
        #expect(body.html.contains("class=\"worked-example-rule\" href=\"../../policy/#rule-one-method\""))
    }

    @Test func anExampleMissingVocabularyWordsIsAnErrorNamingThem() {
        let body = render("> [!EXAMPLE] Unwritten example\n")
        #expect(body.diagnostics.map(\.id) == ["example-wording"])
        #expect(body.diagnostics.first?.message.contains("results.change_backup.same-phone") == true)
        #expect(!body.html.contains("worked-example"))
    }

    @Test func anExampleThatFailsTheCheckCannotBeShown() {
        let body = render("> [!EXAMPLE] Broken example\n")
        #expect(body.diagnostics.map(\.id) == ["failing-example"])
        #expect(body.diagnostics.first?.message.contains("scenarios/b.yaml:7:9") == true)
        #expect(!body.html.contains("worked-example"))
    }

    @Test func anUnknownExampleIsAnError() {
        #expect(render("> [!EXAMPLE] Nobody wrote this\n").diagnostics.map(\.id) == ["unknown-example"])
    }

    /// Spaces inside the marks are not the label's; a label that differs only in its capitals
    /// is the one suggestion (session 24's writer trial).
    @Test func labelsToleratePaddingAndNameTheRightCapitals() {
        let padded = render("Open [[ Manage your account ]].\n")
        #expect(padded.diagnostics.isEmpty, "\(padded.diagnostics)")
        #expect(padded.html.contains("<span class=\"ui-label ui-screen\">Manage your account</span>"))
        let capitals = render("Open [[Manage Your Account]].\n")
        #expect(
            capitals.diagnostics.first?.message.hasPrefix(
                "[[Manage Your Account]] is not a label of the product's interface (did you mean 'Manage your account'? write it as the product shows it, capitals included)"
            ) == true, "\(capitals.diagnostics)")
    }

    /// A `[[` left open and a link with no address were shown as written without a word
    /// (session 24's writer trial).
    @Test func anOpenLabelAndAnEmptyLinkAreWarnedAbout() {
        let open = render("Open [[Manage your account, then save.\n")
        #expect(open.diagnostics.map(\.id) == ["unknown-label"], "\(open.diagnostics)")
        #expect(open.diagnostics.first?.location.column == 6)
        #expect(open.diagnostics.first?.message.hasPrefix("this [[ has no ]] to end the label") == true)
        let empty = render("See [the steps]().\n")
        #expect(empty.diagnostics.map(\.id) == ["empty-link"], "\(empty.diagnostics)")
        // At the source's column, after an entity and smart punctuation shortened the text.
        let shifted = render("&amp; -- [[Nope]] and [[Manage your account]] then [[Open\n")
        #expect(shifted.diagnostics.map(\.location.column) == [10, 52], "\(shifted.diagnostics)")
    }

    @Test func uiLabelsAreMarkedAndCheckedWithTheirColumn() {
        let body = render("Open [[Manage your account]], then [[Manage my acount]].\n")
        #expect(body.html.contains("<span class=\"ui-label ui-screen\">Manage your account</span>"))
        #expect(body.diagnostics.count == 1)
        #expect(body.diagnostics.first?.id == "unknown-label")
        #expect(body.diagnostics.first?.location.column == 36)
        // The search index gets the words readers see, never the marks.
        #expect(body.searchBlocks.map(\.text) == ["Open Manage your account, then Manage my acount."])
    }

    /// A label in a heading, a table's first row or an image's alt text is shown as its text
    /// wherever the text goes as plain text: the contents list, the search index's heading, a
    /// table's `aria-label`, the alt text (the marks reached all four: session 24's writer trial).
    @Test func labelsInPlainTextLoseTheirMarks() {
        let body = render(
            "## Open [[Manage your account]]\n\n| Setting | Value |\n|---|---|\n| a | b |\n\n![The [[Manage your account]] screen](https://example.com/a.png)\n"
        )
        #expect(body.diagnostics.isEmpty, "\(body.diagnostics)")
        #expect(body.headings.map(\.text) == ["Open Manage your account"])
        #expect(body.headings.first?.id == "open-manage-your-account")
        #expect(
            body.html.contains("<h2 id=\"open-manage-your-account\">Open <span class=\"ui-label ui-screen\">Manage your account</span></h2>"), "\(body.html)")
        #expect(body.html.contains("aria-label=\"Table: Open Manage your account\""), "\(body.html)")
        #expect(body.html.contains("alt=\"The Manage your account screen\""), "\(body.html)")
        #expect(!body.html.contains("[["))
    }

    @Test func frontMatterCitationsAreCheckedAndStaleArticlesWarned() throws {
        let (report, output) = try SiteTestSupport.buildFixture(
            content: [
                "guides/cites.md": "---\ntitle: Cites\nupdated: 2026-11-01\nrules: [one-method, distinct-from-account, no-such-rule]\n---\nText\n"
            ], policy: Self.policy)
        let unknown = report.diagnostics.filter { $0.id == "unknown-rule" }
        #expect(unknown.map(\.location) == [SourceLocation(path: "content/guides/cites.md", line: 4, column: 44)])
        let stale = report.diagnostics.filter { $0.id == "stale-article" }
        #expect(stale.count == 1)
        #expect(stale.first?.message.contains("distinct-from-account") == true)
        #expect(output.files.isEmpty)
    }

    @Test func theRulesPageListsRulesCitationsAndTheDiagramInWords() throws {
        let (report, output) = try SiteTestSupport.buildFixture(
            content: [
                "guides/cites.md": "---\ntitle: Cites\nupdated: 2026-11-20\nrules: [one-method]\n---\n> [!RULE] distinct-from-account\n"
            ],
            templates: [
                "policy.mustache":
                    "{{#rules}}<li id=\"rule-{{id}}\">{{title}}{{#derived}} (our decision){{/derived}}{{#articles}}<a href=\"{{root}}{{path}}\">{{title}}</a>{{/articles}}</li>{{/rules}}{{{diagram}}}{{#changes}}<p>{{action}}: {{from}} / {{to}}</p>{{/changes}}"
            ], policy: Self.policy)
        #expect(report.succeeded, "\(report.diagnostics)")
        let page = try #require(output.text("policy/index.html"))
        #expect(page.contains("<li id=\"rule-one-method\">One backup method at a time<a href=\"../guides/cites/\">Cites</a></li>"))
        #expect(page.contains("<li id=\"rule-distinct-from-account\">Different from your account<a href=\"../guides/cites/\">Cites</a></li>"))
        #expect(page.contains("<li id=\"rule-recovery-key-first\">The recovery key comes first (our decision)</li>"))
        #expect(page.contains("<svg class=\"state-diagram\""))
        #expect(page.contains("Add a backup phone number: from 2FA on, No backup method to 2FA on, Backup phone number."))
        #expect(page.contains("<p>Add a backup phone number: 2FA on, No backup method / 2FA on, Backup phone number</p>"))
    }

    @Test func theRulesPageTemplateCannotReachScenarios() throws {
        let (report, _) = try SiteTestSupport.buildFixture(
            content: ["guides/cites.md": "---\ntitle: Cites\n---\nText.\n"],
            templates: ["policy.mustache": "{{#rules}}{{#deciding}}{{name}}{{/deciding}}{{/rules}}"], policy: Self.policy)
        // The readers' page has no scenario data to print: the name is unknown to the template.
        #expect(!report.succeeded)
        #expect(report.diagnostics.contains { $0.message.contains("deciding") })
    }
}
