import HelpCenterDiagnostics
import Testing
@testable import HelpCenterSite

@Suite("Templates")
struct TemplateTests {
    @Test func aVariableThePageKindDoesNotProvideIsAnError() throws {
        let (report, output) = try SiteTestSupport.buildFixture(templates: [
            "collection.mustache": "<h1>{{collection.title}}</h1>\n<p>{{article.author}}</p>{{#articles}}{{summary}}{{/articles}}\n",
        ])
        let errors = report.diagnostics.filter { $0.id == "template-variable" }
        #expect(errors.map(\.location) == [
            SourceLocation(path: "templates/collection.mustache", line: 2, column: 4),
            SourceLocation(path: "templates/collection.mustache", line: 2, column: 39),
        ])
        #expect(errors[0].message.contains("collection pages"))
        #expect(output.files.isEmpty)
    }

    @Test func namesInsideSectionsResolveAgainstTheSectionFirst() throws {
        let (report, _) = try SiteTestSupport.buildFixture(templates: [
            "home.mustache": "{{#collections}}{{title}}{{#articles}}{{title}}{{updated.iso}}{{root}}{{/articles}}{{/collections}}{{#site}}{{name}}{{/site}}\n",
        ])
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    }

    @Test func syntaxErrorsNameTheFileLineAndColumn() throws {
        let (report, _) = try SiteTestSupport.buildFixture(templates: [
            "article.mustache": "<h1>{{article.title}}</h1>\n{{#article.author}}\nunclosed\n",
        ])
        let error = try #require(report.diagnostics.first { $0.id == "template" })
        #expect(error.location.path == "templates/article.mustache")
        #expect(error.message.contains("never closed"))
    }

    @Test func aMissingPartialIsAnError() throws {
        let (report, _) = try SiteTestSupport.buildFixture(templates: ["404.mustache": "{{> nowhere}}\n"])
        let error = try #require(report.diagnostics.first { $0.id == "template" })
        #expect(error.location == SourceLocation(path: "templates/404.mustache", line: 1, column: 1))
        #expect(error.message.contains("partials/nowhere.mustache"))
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

    @Test func scannerFindsTagsWithPositions() {
        let tags = MustacheTagScanner.tags(in: "a {{x}}\n  {{#list}}{{{raw}}}{{/list}} {{! note }}")
        #expect(tags.map(\.kind) == [.variable, .section, .variable, .sectionEnd, .comment])
        #expect(tags.map(\.line) == [1, 2, 2, 2, 2])
        #expect(tags.map(\.column) == [3, 3, 12, 21, 31])
    }
}
