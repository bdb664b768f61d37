import HelpCenterDiagnostics
import Mustache

/// A template file's text and where it came from.
public struct TemplateSource: Sendable, Equatable {
    /// `article`, or `partials/header` for a partial.
    public var name: String
    /// The path diagnostics print, e.g. `templates/article.mustache`.
    public var displayPath: String
    public var text: String

    public init(name: String, displayPath: String, text: String) {
        self.name = name
        self.displayPath = displayPath
        self.text = text
    }
}

/// The kinds of page the generator writes, each with its template and its context's shape.
public enum PageKind: String, Sendable, CaseIterable {
    case layout, home, collection, article, notFound = "404", redirect

    public var templateName: String { rawValue }

    var shape: TemplateShape {
        switch self {
        case .layout: LayoutContext.templateShape
        case .home: HomePageContext.templateShape
        case .collection: CollectionPageContext.templateShape
        case .article: ArticlePageContext.templateShape
        case .notFound: NotFoundPageContext.templateShape
        case .redirect: RedirectPageContext.templateShape
        }
    }

    var readableName: String {
        switch self {
        case .layout: "layout (all)"
        case .home: "home"
        case .collection: "collection"
        case .article: "article"
        case .notFound: "404"
        case .redirect: "redirect"
        }
    }

    /// The redirect page has a built-in default; the others must be supplied.
    var isRequired: Bool { self != .redirect }
}

/// The site's Mustache templates, parsed once and checked against the page kinds' contexts.
public struct SiteTemplates: Sendable {
    private let library: MustacheLibrary

    /// The redirect page used when `templates/redirect.mustache` does not exist.
    static let defaultRedirect = """
        <!doctype html>
        <html lang="{{site.language}}">
        <head>
        <meta charset="utf-8">
        <title>Redirecting to {{title}}</title>
        <link rel="canonical" href="{{canonicalURL}}">
        <meta name="robots" content="noindex">
        <meta http-equiv="refresh" content="0; url={{target}}">
        </head>
        <body>
        <p>This page has moved to <a href="{{target}}">{{title}}</a>.</p>
        </body>
        </html>

        """

    /// Parses and checks templates. `sources` holds page templates by name (`article`) and
    /// partials (`partials/header`). Returns nil when any template cannot be used.
    public static func load(_ sources: [TemplateSource], templatesDisplayPath: String) -> (SiteTemplates?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        var byName: [String: TemplateSource] = [:]
        for source in sources { byName[source.name] = source }
        if byName[PageKind.redirect.templateName] == nil {
            byName[PageKind.redirect.templateName] = TemplateSource(name: "redirect", displayPath: "<built-in redirect>", text: defaultRedirect)
        }
        var partials: [String: TemplateSource] = [:]
        for source in byName.values where source.name.hasPrefix("partials/") {
            partials[String(source.name.dropFirst("partials/".count))] = source
        }
        for source in byName.values.sorted(by: { $0.name < $1.name }) {
            do {
                let template = try MustacheTemplate(string: source.text)
                let registeredName = source.name.hasPrefix("partials/") ? String(source.name.dropFirst("partials/".count)) : source.name
                library.register(template, named: registeredName)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(
                    "template syntax: \(describe(error.error))",
                    at: SourceLocation(path: source.displayPath, line: error.context.lineNumber, column: error.context.columnNumber),
                    id: "template"))
            } catch {
                diagnostics.append(.error("template syntax: \(error)", at: SourceLocation(path: source.displayPath), id: "template"))
            }
        }
        for kind in PageKind.allCases {
            guard let source = byName[kind.templateName] else {
                if kind.isRequired {
                    diagnostics.append(.error(
                        "missing template '\(kind.templateName).mustache': every site needs layout, home, collection, article and 404 templates",
                        at: SourceLocation(path: templatesDisplayPath), id: "template"))
                }
                continue
            }
            var checker = TemplateVariableChecker(partials: partials, pageKindName: kind.readableName)
            checker.check(source, shape: kind.shape)
            diagnostics.append(contentsOf: checker.diagnostics)
        }
        if diagnostics.hasErrors { return (nil, diagnostics.sorted()) }
        return (SiteTemplates(library: library), diagnostics.sorted())
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case .unfinishedName: return "a tag is not closed with '}}'"
        case .expectedSectionEnd: return "a section is opened but never closed with '{{/name}}'"
        case .invalidSetDelimiter: return "a set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection: return "only block definitions may appear inside an inheriting partial"
        case .textInsideInheritSection: return "text is not allowed inside an inheriting partial"
        case .invalidConfigVariableSyntax: return "a configuration tag is malformed"
        case .unrecognisedConfigVariable: return "unknown configuration variable"
        @unknown default: return "\(error)"
        }
    }

    /// Renders one page: its kind's template, then the layout around it.
    func render(_ kind: PageKind, _ context: some TemplateContext) -> String {
        library.render(context, withTemplate: kind.templateName) ?? ""
    }
}
