import FuzzSupport
import HelpCenterSite

/// Markdown to HTML as the site renders an article (what `helpcenter render` prints): front
/// matter split off and read, the body parsed by libcmark-gfm and rendered with callouts,
/// figures, heading ids, links and the raw-HTML filter.
///
/// Checks besides "no crash": the HTML can run no script (no tag outside the renderer's own,
/// no event handler, no `javascript:`/`vbscript:`/`data:` URL), and every diagnostic points
/// at a line of the file. When the body holds a `<`, it is rendered a second time with
/// `raw_html: true`, where only GFM's tag filter applies.
///
/// Run it twice (scripts/fuzz.sh does): as is, and with `HELPCENTER_PARSE_ARENA=off`, where
/// libcmark-gfm allocates from the system allocator and AddressSanitizer sees its buffers.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput(data, size).text
    let path = "content/fuzz/article.md"
    let result = ArticlePreviewRenderer.render(source: text, path: path)
    HTMLSafetyCheck.check(result.html, rawHTMLAllowed: false)
    DiagnosticLocationCheck.check(result.diagnostics, in: text, path: path)
    if text.utf8.contains(UInt8(ascii: "<")) {
        var configuration = SiteConfiguration()
        configuration.rawHTML = true
        let raw = ArticlePreviewRenderer.render(source: text, path: path, configuration: configuration)
        HTMLSafetyCheck.check(raw.html, rawHTMLAllowed: true)
    }
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    fuzzWarmUp([
        "",
        "---\ntitle: T\ntags: [a]\nupdated: 2026-01-02\n---\n# H\n\n> [!NOTE]\n> n\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] t\n\n[l](other.md#x) ![i](images/a.png \"c\") <b>x</b> [^1]\n\n[^1]: f\n",
    ], fuzzMarkdown)
    return 0
}
