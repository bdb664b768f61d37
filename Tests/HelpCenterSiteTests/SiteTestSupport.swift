import Foundation
import HelpCenterDiagnostics
import HelpCenterMarkdown

@testable import HelpCenterSite
@testable import HelpCenterSiteFiles
@testable import HelpCenterTemplates

/// Shared helpers: the fixture site on disk, in-memory sites and one-article rendering.
enum SiteTestSupport {
    static var fixtureSite: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/site")
    }

    static var goldenFolder: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/golden")
    }

    static func fixtureTree(_ folder: String) -> DirectoryFileTree {
        DirectoryFileTree(root: fixtureSite.appendingPathComponent(folder), displayName: folder)
    }

    static var fixtureConfiguration: SiteConfiguration {
        var configuration = SiteConfiguration()
        configuration.name = "Fixture Help"
        configuration.baseURL = "https://example.org/help/"
        return configuration
    }

    /// Builds the fixture site (optionally with extra or replaced content files) in memory.
    static func buildFixture(
        content extra: [String: String] = [:], templates extraTemplates: [String: String] = [:],
        configuration: SiteConfiguration = fixtureConfiguration, includeDrafts: Bool = false,
        useReferenceRenderer: Bool = false, policy: SitePolicy? = nil
    ) throws -> (BuildReport, InMemoryStagedSite) {
        let content = try merged(fixtureTree("content"), extra, prefix: "content/")
        let templates = try merged(fixtureTree("templates"), extraTemplates, prefix: "templates/")
        let output = InMemoryStagedSite()
        var options = BuildOptions(includeDrafts: includeDrafts)
        options.useReferenceRenderer = useReferenceRenderer
        let builder = SiteBuilder(configuration: configuration, content: content, templates: templates, options: options, policy: policy)
        // Through the publisher, as `helpcenter build` runs it: a failed build publishes nothing.
        let outcome = try SitePublisher.run(into: output) { try builder.build(into: $0) }
        return (outcome.build, output)
    }

    static func merged(_ tree: DirectoryFileTree, _ extra: [String: String], prefix: String) throws -> InMemoryFileTree {
        var files: [String: Data] = [:]
        for path in try tree.listFiles() { files[path] = try tree.read(path) }
        for (path, text) in extra { files[path] = Data(text.utf8) }
        return InMemoryFileTree(data: files, displayPrefix: prefix)
    }

    /// Renders one Markdown body as the article `guides/page.md`, with the given other pages and files.
    static func renderBody(
        _ markdown: String, pages: [String] = [], files: [String: ImageDimensions?] = [:], rawHTML: Bool = false, words: BodyWords = BodyWords()
    ) -> RenderedBody {
        var index = ContentIndex(files: files)
        index.pages["guides/page.md"] = ContentIndex.Page(sitePath: "guides/page/", sourcePath: "guides/page.md")
        for page in pages {
            let sitePath = page.hasSuffix("_index.md") ? ContentPath.directory(of: page) + "/" : String(page.dropLast(3)) + "/"
            index.pages[page] = ContentIndex.Page(sitePath: sitePath, sourcePath: page)
        }
        var context = ArticleBodyContext(
            sourcePath: "guides/page.md", displayPath: "content/guides/page.md", sitePath: "guides/page/",
            bodyFirstLine: 1, allowRawHTML: rawHTML)
        context.words = words
        context.markdown = markdown
        // The fixtures are small documents, well within `MarkdownLimits.standard`.
        return ArticleBodyRenderer.render(try! MarkdownParser.parse(markdown), context: context, index: index)
    }
}

extension SiteTemplates {
    /// Loads templates without the page-kind checks, for probing the renderers.
    static func loadForProbe(_ sources: [TemplateSource]) -> (SiteTemplates?, [Diagnostic]) {
        let (compiled, library, diagnostics) = parse(sources)
        return (diagnostics.isEmpty ? SiteTemplates(compiled: compiled, reference: library) : nil, diagnostics)
    }

    func renderProbe(_ context: some TemplateContext) -> String { render("probe", context) }
    func renderProbeWithReference(_ context: some TemplateContext) -> String { render("probe", context, reference: true) }
}
