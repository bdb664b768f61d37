import HelpCenterCalendar
import HelpCenterDiagnostics
import Testing

@testable import HelpCenterSite
@testable import HelpCenterTemplates

@Suite("Templates")
struct TemplateTests {
    /// English pages get the project's long form; others CLDR's, as the browser's `Intl`
    /// writes it; a tag that names no language gets the ISO date.
    @Test(arguments: [
        ("en", "20 November 2026"), ("en-GB", "20 November 2026"), ("EN-gb", "20 November 2026"), ("En", "20 November 2026"),
        ("eng", "November 20, 2026"), ("fr-FR", "20 novembre 2026"), ("e", "2026-11-20"), ("", "2026-11-20"), ("ne-NP", "२०२६ नोभेम्बर २०"),
        ("th-TH", "20 พฤศจิกายน 2569"), ("aa-ET", "2026-11-20"), ("tlh", "2026-11-20"),
    ])
    func datesAreWrittenOutInThePagesLanguage(language: String, text: String) throws {
        let date = DateInfo(try #require(CalendarDate(year: 2026, month: 11, day: 20)), language: language)
        #expect(date.text == text)
        #expect(date.iso == "2026-11-20")
    }

    @Test func aVariableThePageKindDoesNotProvideIsAnError() throws {
        let (report, output) = try SiteTestSupport.buildFixture(templates: [
            "collection.mustache": "<h1>{{collection.title}}</h1>\n<p>{{article.author}}</p>{{#articles}}{{summary}}{{/articles}}\n"
        ])
        let errors = report.diagnostics.filter { $0.id == "template-variable" }
        #expect(
            errors.map(\.location) == [
                SourceLocation(path: "templates/collection.mustache", line: 2, column: 4),
                SourceLocation(path: "templates/collection.mustache", line: 2, column: 39),
            ])
        #expect(errors[0].message.contains("collection pages"))
        #expect(output.files.isEmpty)
    }

    @Test func namesInsideSectionsResolveAgainstTheSectionFirst() throws {
        let (report, _) = try SiteTestSupport.buildFixture(templates: [
            "home.mustache": "{{#collections}}{{title}}{{#articles}}{{title}}{{updated.iso}}{{root}}{{/articles}}{{/collections}}{{#site}}{{name}}{{/site}}\n"
        ])
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    }

    @Test func syntaxErrorsNameTheFileLineAndColumn() throws {
        let (report, _) = try SiteTestSupport.buildFixture(templates: [
            "article.mustache": "<h1>{{article.title}}</h1>\n{{#article.author}}\nunclosed\n"
        ])
        let error = try #require(report.diagnostics.first { $0.id == "template" && $0.severity == .error })
        #expect(error.location.path == "templates/article.mustache")
        #expect(error.message.contains("never closed"))
    }

    /// swift-mustache put an unclosed section at the end of the file and a wrong closing tag
    /// without either name; the project's parser names both, and where the section opened.
    @Test(arguments: [
        ("<h1>{{article.title}}</h1>\n{{#article.author}}\nunclosed\n", 2, 1, "the section 'article.author' is never closed with '{{/article.author}}'"),
        (
            "<h1>{{article.title}}</h1>\n{{#article.author}}\nx\n{{/article.title}}\n", 4, 1,
            "'{{/article.title}}' closes the section 'article.author' opened at 2:1"
        ),
    ])
    func sectionErrorsNameTheSectionAndWhereItOpened(template: String, line: Int, column: Int, message: String) throws {
        let (report, _) = try SiteTestSupport.buildFixture(templates: ["article.mustache": template])
        let errors = report.diagnostics.filter { $0.id == "template" && $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.location == SourceLocation(path: "templates/article.mustache", line: line, column: column))
        #expect(errors.first?.message == "template syntax: " + message)
    }

    @Test func aMissingPartialIsAnError() throws {
        let (report, _) = try SiteTestSupport.buildFixture(templates: ["404.mustache": "{{> nowhere}}\n"])
        let error = try #require(report.diagnostics.first { $0.id == "template" && $0.severity == .error })
        #expect(error.location == SourceLocation(path: "templates/404.mustache", line: 1, column: 1))
        #expect(error.message.contains("partials/nowhere.mustache"))
    }

    @Test func aMissingSearchTemplateIsOnlyAWarning() throws {
        var files: [String: String] = [:]
        let tree = SiteTestSupport.fixtureTree("templates")
        for path in try tree.listFiles() where path != "search.mustache" {
            files[path] = String(decoding: try tree.read(path), as: UTF8.self)
        }
        let builder = SiteBuilder(
            configuration: SiteTestSupport.fixtureConfiguration, content: SiteTestSupport.fixtureTree("content"),
            templates: InMemoryFileTree(files, displayPrefix: "templates/"))
        let output = InMemorySiteOutput()
        let report = try builder.build(into: output)
        #expect(report.succeeded)
        #expect(report.diagnostics.map(\.severity) == [.warning])
        #expect(output.files["search/index.html"] == nil)
    }

    @Test func aMissingTemplateIsAnError() throws {
        var files: [String: String] = [:]
        let tree = SiteTestSupport.fixtureTree("templates")
        for path in try tree.listFiles() where path != "article.mustache" {
            files[path] = String(decoding: try tree.read(path), as: UTF8.self)
        }
        let builder = SiteBuilder(
            configuration: SiteTestSupport.fixtureConfiguration, content: SiteTestSupport.fixtureTree("content"),
            templates: InMemoryFileTree(files, displayPrefix: "templates/"))
        let report = try builder.build(into: InMemorySiteOutput())
        #expect(report.diagnostics.contains { $0.message.contains("missing template 'article.mustache'") })
    }

    @Test func unsupportedTagsAreErrorsWithPositions() throws {
        let (report, _) = try SiteTestSupport.buildFixture(templates: ["404.mustache": "<h1>x</h1>\n{{uppercased(site.name)}}\n"])
        let error = try #require(report.diagnostics.first { $0.severity == .error })
        #expect(error.location == SourceLocation(path: "templates/404.mustache", line: 2, column: 1))
        #expect(error.message.contains("transforms are not supported"))
    }
}

@Suite("Compiled renderer against swift-mustache")
struct ReferenceRendererTests {
    /// Every page of the fixture site and of the project's own templates renders byte for byte
    /// as swift-mustache renders it.
    @Test func compiledRendererMatchesSwiftMustache() throws {
        let (_, output) = try SiteTestSupport.buildFixture()
        let (_, reference) = try SiteTestSupport.buildFixture(useReferenceRenderer: true)
        #expect(output.files.count == reference.files.count)
        for (path, data) in output.files {
            #expect(reference.files[path] == data, "\(path) differs")
        }
    }

    @Test(arguments: [
        "a\n  {{#flag}}\n  yes\n  {{/flag}}\nb\n",
        "{{#list}}\n- {{name}}\n{{/list}}\n",
        "| {{^missing}}none{{/missing}} |\n",
        "  {{! comment }}\nx{{{raw}}}{{&raw}}{{raw}}\n",
        "{{=<% %>=}}\n<% name %>\n<%={{ }}=%>\n{{name}}\n",
        "begin\n  {{> part}}\nend\n",
        "{{#obj}}{{inner}} {{name}}{{/obj}}{{obj.inner}}\n",
        "{{#number}}[{{.}}]{{/number}}{{^empty}}no items{{/empty}}\n",
        // A list item's template reaches the outer context for names the item does not have.
        "{{#list}}{{name}}:{{flag}}/{{raw}}/{{obj.inner}};{{/list}}\n",
        // Dotted names three deep, through a missing optional, and as a section.
        "{{obj.deeper.leaf}}|{{absent.inner}}|{{#obj.deeper}}{{leaf}}{{inner}}{{/obj.deeper}}|{{#obj.inner}}[{{.}}]{{/obj.inner}}\n",
        "{{#absent}}x{{/absent}}{{^absent}}none{{/absent}}{{^obj.deeper}}never{{/obj.deeper}}\n",
    ])
    func standaloneLinesAndSectionsMatchSwiftMustache(_ template: String) throws {
        let sources = [
            TemplateSource(name: "probe", displayPath: "probe", text: template),
            TemplateSource(name: "partials/part", displayPath: "part", text: "one\ntwo {{name}}\n"),
        ]
        let (templates, diagnostics) = SiteTemplates.loadForProbe(sources)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let context = ProbeContext()
        #expect(templates?.renderProbe(context) == templates?.renderProbeWithReference(context))
    }
}

struct ProbeInner: TemplateContext {
    var inner = "in<ner>"
    var deeper: ProbeDeep? = ProbeDeep()
    static let templateFields: TemplateFields<ProbeInner> = ["inner": .text(\.inner), "deeper": .object(\.deeper)]
}

struct ProbeDeep: TemplateContext {
    var leaf = "le&af"
    static let templateFields: TemplateFields<ProbeDeep> = ["leaf": .text(\.leaf)]
}

struct ProbeItem: TemplateContext {
    var name: String
    static let templateFields: TemplateFields<ProbeItem> = ["name": .text(\.name)]
}

struct ProbeContext: TemplateContext {
    var flag = true
    var name = "Ada & \"Bob\" 'C'"
    var raw = "<b>bold</b>"
    var number = 42
    var list = [ProbeItem(name: "x"), ProbeItem(name: "<y>")]
    var empty: [ProbeItem] = []
    var obj: ProbeInner? = ProbeInner()
    var missing: String? = nil
    var absent: ProbeInner? = nil
    static let templateFields: TemplateFields<ProbeContext> = [
        "flag": .flag { $0.flag }, "name": .text(\.name), "raw": .text(\.raw), "number": .number { $0.number },
        "list": .list(\.list), "empty": .list(\.empty), "obj": .object(\.obj), "missing": .optionalText(\.missing),
        "absent": .object(\.absent),
    ]
}

@Suite("HTML text")
struct HTMLTextTests {
    /// A body kept for the rest of a build (or by the preview) must not keep the renderer's
    /// doubled buffer.
    @Test func compactingDropsTheGrownCapacity() {
        var buffer = HTMLBuffer(capacity: 64 * 1024)
        buffer += "<p>short</p>"
        let compacted = buffer.text.compacted()
        #expect(compacted.bytes == Array("<p>short</p>".utf8))
        #expect(compacted.bytes.capacity < 1024, "capacity \(compacted.bytes.capacity)")
    }
}
