import FuzzSupport
import HelpCenterMarkdown
import HelpCenterSite

/// Markdown to HTML in site mode, through the renderer the build uses: the body parsed by
/// libcmark-gfm and rendered with callouts, figures, heading ids, link rewriting and the
/// raw-HTML filter. Twice: as the home page (`content/_index.md`, at the site's root, where a
/// `/path` link resolves to `path`) and as `helpcenter render` renders an article (front matter
/// read, the page two folders down).
///
/// Checks besides "no crash": the HTML can run no script (no tag outside the renderer's own,
/// no event handler, no `javascript:`/`vbscript:`/`data:` URL, however spelt), and every
/// diagnostic points at a line of the file. When the input holds a `<`, the home page is
/// rendered a third time with `raw_html: true`, where only GFM's tag filter applies.
///
/// Run it twice (scripts/fuzz.sh does): as is, and with `HELPCENTER_PARSE_ARENA=off`, where
/// libcmark-gfm allocates from the system allocator and AddressSanitizer sees its buffers.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput(data, size).text
    let homePath = "content/_index.md"
    let split = FrontMatterSplitter.split(text)
    // A body over the Markdown limits is refused here; the article render below reports the
    // refusal as a diagnostic, whose place DiagnosticLocationCheck checks.
    guard let document = try? MarkdownParser.parse(split.body, options: .site) else {
        let article = ArticlePreviewRenderer.render(source: text, path: "content/fuzz/article.md")
        DiagnosticLocationCheck.check(article.diagnostics, in: text, path: "content/fuzz/article.md")
        return 0
    }
    for allowRawHTML in text.utf8.contains(UInt8(ascii: "<")) ? [false, true] : [false] {
        let context = ArticleBodyContext(
            sourcePath: "_index.md", displayPath: homePath, sitePath: "", bodyFirstLine: split.bodyFirstLine, allowRawHTML: allowRawHTML)
        let home = ArticleBodyRenderer.render(document, context: context, index: ContentIndex(lenient: true))
        HTMLSafetyCheck.check(home.html, rawHTMLAllowed: allowRawHTML)
        DiagnosticLocationCheck.check(home.diagnostics, in: text, path: homePath)
    }

    let articlePath = "content/fuzz/article.md"
    let article = ArticlePreviewRenderer.render(source: text, path: articlePath)
    HTMLSafetyCheck.check(article.html, rawHTMLAllowed: false)
    DiagnosticLocationCheck.check(article.diagnostics, in: text, path: articlePath)
    return 0
}
