import FuzzSupport
import HelpCenterTemplates

/// Templates: swift-mustache's parser, the compiler to the fast renderer and the variable
/// checker (every name resolved against its page kind, partials followed), as a build loads
/// `templates/`.
///
/// The input is several template files separated by NUL bytes, in the order of `names`; a
/// missing file is left out (the checker reports it). The seed corpus holds the project's
/// templates joined in that order, and each file alone.
///
/// Checks besides "no crash": every diagnostic points at a line of its file.
let names = [
    "layout", "home", "collection", "article", "404", "search", "policy", "redirect",
    "partials/header", "partials/footer", "partials/breadcrumbs", "partials/article-list", "partials/feedback",
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplates(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let parts = FuzzInput(data, size).parts
    let sources = zip(names, parts).map { name, text in
        TemplateSource(name: name, displayPath: "templates/\(name).mustache", text: text)
    }
    let (_, diagnostics) = SiteTemplates.load(sources, templatesDisplayPath: "templates")
    for source in sources {
        DiagnosticLocationCheck.check(diagnostics, in: source.text, path: source.displayPath)
    }
    return 0
}
