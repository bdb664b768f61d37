import HelpCenterCalendar
import HelpCenterDiagnostics
import Testing

@testable import HelpCenterSite

@Suite("Front matter")
struct FrontMatterTests {
    private func parse(_ text: String) -> (ArticleFrontMatter?, [Diagnostic]) {
        ArticleFrontMatter.parse(FrontMatterSplitter.split(text), path: "content/c/a.md")
    }

    @Test func readsEveryKnownKey() {
        let (matter, diagnostics) = parse(
            """
            ---
            title: Set up a backup method
            description: How to add one.
            author: Ada
            updated: 2026-11-20
            collection: two-factor
            order: 3
            tags: [backup, phone]
            draft: false
            aliases: [/old/backup/, /older/]
            ---
            Body
            """)
        #expect(diagnostics.isEmpty)
        #expect(matter?.title == "Set up a backup method")
        #expect(matter?.updated == CalendarDate(year: 2026, month: 11, day: 20))
        #expect(matter?.order == 3)
        #expect(matter?.tags == ["backup", "phone"])
        #expect(matter?.aliases.map(\.value) == ["/old/backup/", "/older/"])
        #expect(matter?.aliases.first?.location == SourceLocation(path: "content/c/a.md", line: 10, column: 11))
    }

    /// A title or description is plain text: Markdown or a `[[label]]` in it is a warning at
    /// the value, as readers would see the marks (session 24's writer trial).
    @Test(arguments: [
        ("title: Use `check`\n", 2, "'title' is plain text, shown as written: readers would see the ` marks"),
        ("title: T\ndescription: Open [[Manage your account]].\n", 3, "readers would see the brackets around the [[label]]"),
        ("title: T\ndescription: See [keys](recovery-keys.md).\n", 3, "readers would see the link's [text](address) marks"),
        ("title: T\ndescription: A **bold** claim.\n", 3, "readers would see the ** marks"),
    ])
    func markdownInPlainTextIsAWarning(yaml: String, line: Int, message: String) {
        let (matter, diagnostics) = ArticleFrontMatter.parse(FrontMatterSplitter.split("---\n\(yaml)---\nBody.\n"), path: "a.md")
        #expect(matter != nil)
        let warning = diagnostics.first { $0.id == "front-matter-markdown" }
        #expect(warning?.message.hasPrefix(message) == true || warning?.message.contains(message) == true, "\(diagnostics)")
        #expect(warning?.location.line == line, "\(diagnostics)")
        #expect(
            ArticleFrontMatter.parse(FrontMatterSplitter.split("---\ntitle: Plain words, a title\ndescription: A 2 * 3 grid.\n---\n"), path: "a.md").1.isEmpty)
        // Double underscores are names, not bold (the review of session 24).
        for plain in ["snake_case__name", "Python __init__ method", "A 2**3 grid", "C [beta] release"] {
            #expect(YAMLFieldReader.markdownAdvice(plain) == nil, "\(plain)")
        }
    }

    /// A date in another order or without its zeros is met with the date meant; both readings
    /// when the day and month could be either (session 24's writer trial).
    @Test(arguments: [
        ("12/07/2026", "; did you mean 2026-07-12 (day first) or 2026-12-07 (month first)?"),
        ("25/12/2026", "; did you mean 2026-12-25?"),
        ("2026-12-7", "; did you mean 2026-12-07?"),
        ("2026/12/07", "; did you mean 2026-12-07?"),
        ("2026-02-30", "; there is no day 30 in that month"),
        ("2026-13-01", "; there is no month 13"),
        ("yesterday", ""),
        // Only with a year of four digits (the review of session 24: `32-1-1` became 0032-01-01).
        ("32-1-1", ""), ("1/2/3", ""), ("2026-1-99999999999999999999", ""),
    ])
    func aMistypedDateIsMetWithTheDateMeant(text: String, hint: String) {
        #expect(YAMLFieldReader.dateHint(text) == hint)
    }

    /// `tags: a, b` is one tag: a warning with the list to write (session 24's writer trial).
    @Test func tagsWithoutBracketsAreOneTagAndSaidSo() {
        let (matter, diagnostics) = ArticleFrontMatter.parse(
            FrontMatterSplitter.split("---\ntitle: T\ntags: backup-method, two-factor\n---\n"), path: "a.md")
        #expect(matter?.tags == ["backup-method, two-factor"])
        #expect(
            diagnostics.map(\.description) == [
                "a.md:3:7: warning: 'tags' is the one tag 'backup-method, two-factor'; for 2 tags write a list: tags: [backup-method, two-factor] [front-matter]"
            ])
    }

    @Test func missingTitleIsAnErrorAtTheFileStart() {
        let (matter, diagnostics) = parse("---\ndescription: No title\n---\nBody\n")
        #expect(matter == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].severity == .error)
        #expect(diagnostics[0].message.contains("title"))
        #expect(diagnostics[0].location.line == 1)
    }

    /// libyaml refuses control characters written as they are; a double-quoted escape makes
    /// them, and they reached every page and the feedback report's terminal.
    /// A collection's `_index.md` without a title reported only that; its other problems came
    /// one build later. Every finding now has an id too (`duplicate key` and the type errors had none).
    @Test func aCollectionWithoutATitleStillHasItsOtherProblemsReported() {
        let (matter, diagnostics) = CollectionFrontMatter.parse(
            FrontMatterSplitter.split("---\ntitel: Oops\norder: first\n---\n"), path: "content/c/_index.md")
        #expect(matter == nil)
        #expect(diagnostics.map(\.id).sorted { ($0 ?? "") < ($1 ?? "") } == ["front-matter", "front-matter", "unknown-key"], "\(diagnostics)")
        #expect(diagnostics.contains { $0.message == "'order' must be a whole number, found 'first'" && $0.location.line == 3 })
    }

    @Test func controlCharactersMadeByEscapesAreErrorsAtTheirValue() {
        let (matter, diagnostics) = parse(
            "---\ntitle: \"K\\e]0;x\\a\\e[31mRed\\x9b \\u00e9\"\ntags: [ok, \"a\\eb\"]\ndescription: \"Two\\nlines\\tand a tab\"\n---\n")
        #expect(matter?.title == "K]0;x[31mRed é")
        #expect(matter?.tags == ["ok", "ab"])
        #expect(matter?.description == "Two\nlines\tand a tab")
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(
            errors.map(\.location) == [SourceLocation(path: "content/c/a.md", line: 2, column: 8), SourceLocation(path: "content/c/a.md", line: 3, column: 12)])
        #expect(errors.first?.message == "'title' contains the control character U+001B; remove it")
        // Text with other two-byte characters (C2 A9, C2 A0) is kept as it is, with no error.
        let (plain, none) = parse("---\ntitle: \"© 2026\u{A0}Acme\"\ndescription: Café ©\n---\n")
        #expect(plain?.title == "© 2026\u{A0}Acme")
        #expect(plain?.description == "Café ©")
        #expect(none.isEmpty)
    }

    @Test(arguments: ["2026-13-01", "2026-02-30", "yesterday", "20-11-2026", "2026-1-5"])
    func badDateIsAnErrorAtTheValue(_ date: String) {
        let (_, diagnostics) = parse("---\ntitle: T\nupdated: \(date)\n---\n")
        let error = diagnostics.first { $0.severity == .error }
        #expect(error?.location == SourceLocation(path: "content/c/a.md", line: 3, column: 10))
        #expect(error?.message.contains("YYYY-MM-DD") == true)
    }

    @Test func unknownKeyIsAWarningWithASuggestion() {
        let (matter, diagnostics) = parse("---\ntitle: T\nauthr: Ada\n---\n")
        #expect(matter != nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].severity == .warning)
        #expect(diagnostics[0].location == SourceLocation(path: "content/c/a.md", line: 3, column: 1))
        #expect(diagnostics[0].message.contains("did you mean 'author'"))
    }

    @Test func wrongTypesAreErrors() {
        let (_, diagnostics) = parse("---\ntitle: T\norder: first\ndraft: maybe\ntags: {a: 1}\n---\n")
        let lines = diagnostics.filter { $0.severity == .error }.map(\.location.line).sorted()
        #expect(lines == [3, 4, 5])
    }

    @Test func missingOrUnclosedFrontMatterIsAnError() {
        #expect(parse("# Just Markdown\n").1.first?.message.contains("missing front matter") == true)
        #expect(parse("---\ntitle: T\nBody without a closing fence\n").1.first?.message.contains("not closed") == true)
    }

    @Test func invalidYAMLReportsTheParserPosition() {
        let (matter, diagnostics) = parse("---\ntitle: T\ntags: [a, b\n---\n")
        #expect(matter == nil)
        #expect(diagnostics.first?.message.contains("invalid YAML") == true)
        #expect((diagnostics.first?.location.line ?? 0) >= 3)
    }

    @Test func bodyLineNumbersFollowTheFrontMatter() {
        let split = FrontMatterSplitter.split("---\ntitle: T\n---\nFirst body line\n")
        #expect(split.bodyFirstLine == 4)
        #expect(split.body == "First body line\n")
    }

    /// Files saved on Windows (CR LF) and with a byte-order mark keep their front matter.
    @Test func windowsLineEndingsAndAByteOrderMarkAreRead() {
        let split = FrontMatterSplitter.split("\u{FEFF}---\r\ntitle: Zoë\r\n...\r\nBody\r\n")
        #expect(split.yaml == "title: Zoë\r\n")
        #expect(split.body == "Body\r\n")
        #expect(split.bodyFirstLine == 4)
        let (matter, diagnostics) = ArticleFrontMatter.parse(split, path: "content/c/a.md")
        #expect(matter?.title == "Zoë")
        #expect(diagnostics.isEmpty)
        let unterminated = FrontMatterSplitter.split("---\ntitle: T\nno fence\n")
        #expect(unterminated.unterminated && unterminated.body.isEmpty && unterminated.bodyFirstLine == 4)
        #expect(FrontMatterSplitter.split("--- \n").yaml == "")
        #expect(FrontMatterSplitter.split("---").yaml == nil)
    }
}

@Suite("Simple front matter reader")
struct SimpleYAMLReaderTests {
    /// The fast reader must give exactly what Yams gives, positions included.
    @Test(arguments: [
        "title: Set up 2FA\ndescription: \"Quoted: with colon\"\norder: 3\n",
        "title: 'Single'\ntags: [a, b-c, \"d e\"]\ndraft: false\nupdated: 2026-11-20\n",
        "title: Use C# today\nauthor: Zoë Ä\ntags: []\nempty:\n",
        "title:   spaced   \naliases: [/old/path/, /older.html]\n",
        "tags: [ Zoë ,  ünï, c ]\nauthor: \"Ärger: yes\"\n\n   \nupdated: 2026-01-02",
    ])
    func matchesYams(_ yaml: String) throws {
        let fast = SimpleYAMLReader.read(yaml, path: "f.md", firstLine: 2)
        let reference = try YAMLValue.parseWithYams(yaml, path: "f.md", firstLine: 2)
        #expect(fast != nil)
        #expect(fast == reference)
    }

    @Test(arguments: [
        "title: a: b\n", "tags:\n  - a\n  - b\n", "title: \"esc\\\"aped\"\n", "title: &anchor x\n",
        "title: x # comment\n", "title: [a, [b]]\n", "title: x\r\n", "title:\tx\n", "tags: [a,, b]\n", "title: |\n  block\n", "- list\n", "title: 'it''s'\n",
    ])
    func leavesEverythingElseToYams(_ yaml: String) {
        #expect(SimpleYAMLReader.read(yaml, path: "f.md", firstLine: 2) == nil)
    }
}

@Suite("New articles")
struct ArticleScaffoldTests {
    @Test(arguments: [
        ("Set up 2FA: phones & e-mails", "set-up-2fa-phones-e-mails"),
        ("Café résumé", "cafe-resume"),
        ("  What's a backup method?  ", "whats-a-backup-method"),
        ("!!!", "article"),
        (String(repeating: "lengthy ", count: 60), Array(repeating: "lengthy", count: 10).joined(separator: "-")),
        (String(repeating: "x", count: 90) + " y", String(repeating: "x", count: 80)),
    ])
    func slugsComeFromTitles(_ title: String, _ slug: String) {
        #expect(ArticleScaffold.slug(for: title) == slug)
    }

    /// Titles with no Latin letter or digit all made `article.md`: the second was refused.
    @Test func aTitleWithoutLatinLettersIsNumberedByItsOrder() throws {
        let date = try #require(CalendarDate(year: 2026, month: 12, day: 7))
        let scaffold = ArticleScaffold(title: "二要素認証", collection: "guides", updated: date, author: nil, order: 4)
        #expect(scaffold.path == "guides/article-4.md")
    }

    /// The site's `language:` is written into every page and chooses the stemmer: checked as a
    /// tag (it took any text), like the tags under `languages:`.
    @Test(arguments: ["en_GB", "english please", "e", "en-<script>", ""])
    func aSiteLanguageThatIsNotATagIsAnError(language: String) {
        let (configuration, diagnostics) = SiteConfiguration.parse("name: Help\nlanguage: \"\(language)\"\n", path: "helpcenter.yaml")
        #expect(configuration.language == SiteConfiguration().language)
        #expect(diagnostics.map(\.location) == [SourceLocation(path: "helpcenter.yaml", line: 2, column: 11)])
        #expect(diagnostics.first?.message.hasPrefix("'language' must be a BCP 47 language tag") == true)
    }

    /// Theme strings reach every page, like titles: a control character made by an escape is an error.
    @Test func aThemeStringWithAControlCharacterIsAnError() {
        let (strings, diagnostics) = ThemeStrings.parse("search_button: \"Se\\e[5march\"\n", displayPath: "templates/strings/en.yaml")
        #expect(strings.values["search_button"] == "Se[5march")
        #expect(diagnostics.map(\.message) == ["'search_button' contains the control character U+001B; remove it"])
        #expect(diagnostics.first?.location == SourceLocation(path: "templates/strings/en.yaml", line: 1, column: 16))
    }

    @Test func scaffoldHasValidFrontMatter() throws {
        let date = try #require(CalendarDate(year: 2026, month: 11, day: 29))
        let scaffold = ArticleScaffold(title: "Say \"hi\"", collection: "guides", updated: date, author: "Ada", order: 4)
        #expect(scaffold.path == "guides/say-hi.md")
        let (matter, diagnostics) = ArticleFrontMatter.parse(FrontMatterSplitter.split(scaffold.text), path: scaffold.path)
        #expect(diagnostics.isEmpty)
        #expect(matter?.title == "Say \"hi\"")
        #expect(matter?.updated == date)
        #expect(matter?.order == 4)
        #expect(matter?.author == "Ada")
    }

    @Test func nextOrderFollowsTheLargest() {
        #expect(ArticleScaffold.nextOrder(after: [3, nil, 7]) == 8)
        #expect(ArticleScaffold.nextOrder(after: [nil, nil]) == 3)
        #expect(ArticleScaffold.nextOrder(after: []) == 1)
    }
}

@Suite("Front-matter dates")
struct FrontMatterDateTests {
    static func updated(_ text: String, today: CalendarDate? = nil) -> (CalendarDate?, [String]) {
        let source = "---\ntitle: T\nupdated: \"\(text)\"\n---\nBody.\n"
        let (matter, diagnostics) = ArticleFrontMatter.parse(FrontMatterSplitter.split(source), path: "a.md", today: today)
        return (matter?.updated, diagnostics.map(\.description))
    }

    /// A date to come is kept but warned about; the next day is allowed, for time zones.
    @Test func aDateStillToComeIsAWarning() throws {
        let today = try #require(CalendarDate(year: 2026, month: 12, day: 31))
        #expect(Self.updated("2026-12-31", today: today).1.isEmpty)
        #expect(Self.updated("2027-01-01T08:00", today: today).1.isEmpty)
        let (date, diagnostics) = Self.updated("2062-01-02", today: today)
        #expect(date?.iso == "2062-01-02")
        #expect(
            diagnostics == [
                "a.md:3:10: warning: 'updated' is 2062-01-02, a day still to come (today is 2026-12-31): readers would see it as the date of the last change; write the day the article changed [bad-date]"
            ])
        // Without a day to compare with (tests, output that must not depend on the day): no check.
        #expect(Self.updated("2062-01-02").1.isEmpty)
    }

    @Test(arguments: [
        ("2026-11-20", "2026-11-20"), (" 2026-02-28 ", "2026-02-28"), ("\u{A0}2026-02-28", "2026-02-28"), ("2024-02-29", "2024-02-29"),
        ("2026-11-20T10:00:00Z", "2026-11-20"), ("2026-11-20 10:00", "2026-11-20"), ("2026-11-20t09", "2026-11-20"),
    ])
    func readsDates(_ text: String, _ iso: String) {
        let (date, diagnostics) = Self.updated(text)
        #expect(date?.iso == iso)
        #expect(diagnostics.isEmpty)
    }

    @Test(arguments: ["2026-02-29", "2026/11/20", "२०२६-११-२०", "2026-11-2x"])
    func refusesOthers(_ text: String) {
        let (date, diagnostics) = Self.updated(text)
        #expect(date == nil)
        #expect(diagnostics == ["a.md:3:10: error: 'updated' must be a date written YYYY-MM-DD, found '\(text)'\(YAMLFieldReader.dateHint(text)) [bad-date]"])
    }
}
