import HelpCenterDiagnostics
import HelpCenterMarkdown

/// Renders one Markdown file on its own, as `helpcenter render` prints it: front matter read
/// and checked (if present), the body rendered as the site would. Links to other articles are
/// rewritten as if they exist; the whole-site checks happen in `helpcenter build`.
public enum ArticlePreviewRenderer {
    public struct Result: Sendable {
        public var html: String
        public var diagnostics: [Diagnostic]
    }

    public static func render(source: String, path: String, configuration: SiteConfiguration = SiteConfiguration()) -> Result {
        let split = FrontMatterSplitter.split(source)
        var diagnostics: [Diagnostic] = []
        if split.yaml != nil {
            diagnostics += ArticleFrontMatter.parse(split, path: path).1
        }
        let (document, problem) = MarkdownDocumentLoader.parse(split, displayPath: path)
        if let problem { diagnostics.append(problem) }
        var context = ArticleBodyContext(
            sourcePath: "preview/article.md", displayPath: path, sitePath: "preview/article/",
            bodyFirstLine: split.bodyFirstLine, allowRawHTML: configuration.rawHTML)
        context.markdown = split.body
        let body = ArticleBodyRenderer.render(document, context: context, index: ContentIndex(lenient: true))
        diagnostics += body.diagnostics
        return Result(html: body.html, diagnostics: diagnostics.sorted())
    }
}
