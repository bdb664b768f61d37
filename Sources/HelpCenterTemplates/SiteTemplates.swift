import Foundation
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
    case layout, home, collection, article
    case notFound = "404"
    case search, policy, redirect
    case allCollections = "collections"

    public var templateName: String { rawValue }

    var shape: TemplateShape {
        switch self {
        case .layout: LayoutContext.templateShape
        case .home: HomePageContext.templateShape
        case .collection: CollectionPageContext.templateShape
        case .article: ArticlePageContext.templateShape
        case .notFound: NotFoundPageContext.templateShape
        case .search: SearchPageContext.templateShape
        case .policy: PolicyPageContext.templateShape
        case .redirect: RedirectPageContext.templateShape
        case .allCollections: AllCollectionsPageContext.templateShape
        }
    }

    var readableName: String {
        switch self {
        case .layout: "layout (all)"
        case .home: "home"
        case .collection: "collection"
        case .article: "article"
        case .notFound: "404"
        case .search: "search"
        case .policy: "policy"
        case .redirect: "redirect"
        case .allCollections: "collections"
        }
    }

    /// The redirect page has a built-in default; the search, policy and all-collections pages
    /// are optional; the others must be supplied.
    var isRequired: Bool { ![.redirect, .search, .policy, .allCollections].contains(self) }
}

/// The site's Mustache templates, parsed once and checked against the page kinds' contexts.
///
/// swift-mustache parses every template first (its syntax errors are reported with their
/// line and column) and is the reference renderer in the tests; pages are rendered by a
/// compiled renderer over the same typed contexts, which is many times faster (see README).
public struct SiteTemplates: Sendable {
    private let compiled: [String: CompiledTemplate]
    private let reference: MustacheLibrary
    /// The templates flattened once for rendering.
    private let program: TemplateProgram

    init(compiled: [String: CompiledTemplate], reference: MustacheLibrary) {
        self.compiled = compiled
        self.reference = reference
        program = TemplateProgram(compiled)
    }

    /// The redirect page used when `templates/redirect.mustache` does not exist.
    static let defaultRedirect = """
        <!doctype html>
        <html lang="{{site.language}}">
        <head>
        <meta charset="utf-8">
        <title>Redirecting to {{title}}</title>
        {{#canonicalURL}}<link rel="canonical" href="{{canonicalURL}}">{{/canonicalURL}}
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
        var byName: [String: TemplateSource] = [:]
        for source in sources { byName[source.name] = source }
        if byName[PageKind.redirect.templateName] == nil {
            byName[PageKind.redirect.templateName] = TemplateSource(name: "redirect", displayPath: "<built-in redirect>", text: defaultRedirect)
        }
        let (compiled, library, parseDiagnostics) = parse(Array(byName.values))
        diagnostics += parseDiagnostics
        for kind in PageKind.allCases {
            guard byName[kind.templateName] != nil else {
                if kind.isRequired {
                    diagnostics.append(
                        .error(
                            "missing template '\(kind.templateName).mustache': every site needs layout, home, collection, article and 404 templates",
                            at: SourceLocation(path: templatesDisplayPath), id: "template"))
                } else if kind == .search {
                    diagnostics.append(
                        .warning(
                            "no search page: add templates/search.mustache to give readers a search page", at: SourceLocation(path: templatesDisplayPath),
                            id: "template"))
                }
                continue
            }
            guard let template = compiled[kind.templateName] else { continue }
            var checker = TemplateVariableChecker(templates: compiled, pageKindName: kind.readableName)
            checker.check(template, shape: kind.shape)
            diagnostics.append(contentsOf: checker.diagnostics)
        }
        if diagnostics.hasErrors { return (nil, diagnostics.sorted()) }
        return (SiteTemplates(compiled: compiled, reference: library), diagnostics.sorted())
    }

    /// Parses templates with swift-mustache (syntax errors) and compiles them for rendering.
    static func parse(_ sources: [TemplateSource]) -> ([String: CompiledTemplate], MustacheLibrary, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        var compiled: [String: CompiledTemplate] = [:]
        for source in sources.sorted(by: { $0.name < $1.name }) {
            do {
                let template = try MustacheTemplate(string: source.text)
                let registeredName = source.name.hasPrefix("partials/") ? String(source.name.dropFirst("partials/".count)) : source.name
                library.register(template, named: registeredName)
            } catch let error as MustacheTemplate.ParserError {
                // The project's own parser names the section and where it was opened (swift-mustache
                // says "a section is opened but never closed" at the end of the file); its finding,
                // when it has one, is the one reported.
                do {
                    _ = try TemplateParser.compile(source)
                } catch let own as TemplateSyntaxError {
                    diagnostics.append(
                        .error(
                            "template syntax: \(own.message)",
                            at: SourceLocation(path: source.displayPath, line: own.line, column: own.column), id: "template"))
                    continue
                } catch {}
                diagnostics.append(
                    .error(
                        "template syntax: \(describe(error.error))",
                        at: SourceLocation(path: source.displayPath, line: error.context.lineNumber, column: error.context.columnNumber),
                        id: "template"))
                continue
            } catch {
                diagnostics.append(.error("template syntax: \(error)", at: SourceLocation(path: source.displayPath), id: "template"))
                continue
            }
            do {
                compiled[source.name] = try TemplateParser.compile(source)
            } catch let error as TemplateSyntaxError {
                diagnostics.append(
                    .error(
                        "template syntax: \(error.message)",
                        at: SourceLocation(path: source.displayPath, line: error.line, column: error.column), id: "template"))
            } catch {
                diagnostics.append(.error("template syntax: \(error)", at: SourceLocation(path: source.displayPath), id: "template"))
            }
        }
        return (compiled, library, diagnostics)
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

    /// Whether the site has a template of this name.
    package func has(_ kind: PageKind) -> Bool { compiled[kind.templateName] != nil }

    /// Renders one template with the compiled renderer, or with swift-mustache when
    /// `reference` is set (the tests compare the two).
    package func render(_ name: String, _ context: some TemplateContext, reference useReference: Bool = false) -> String {
        if useReference { return reference.render(context, withTemplate: name) ?? "" }
        return TemplateRenderer(program: program).render(name, context).string
    }

    /// Renders one template to HTML that another template inserts (a page's content).
    package func renderHTML(_ name: String, _ context: some TemplateContext, reference useReference: Bool = false) -> HTMLText {
        if useReference { return HTMLText(reference.render(context, withTemplate: name) ?? "") }
        return TemplateRenderer(program: program).render(name, context).text
    }

    /// Renders one template to the bytes of a file, as an array (written without a copy).
    package func renderBytes(_ name: String, _ context: some TemplateContext, reference useReference: Bool = false) -> [UInt8] {
        if useReference { return Array((reference.render(context, withTemplate: name) ?? "").utf8) }
        return TemplateRenderer(program: program).render(name, context).bytes
    }

    /// Renders one template to the bytes of a file.
    package func renderData(_ name: String, _ context: some TemplateContext, reference useReference: Bool = false) -> Data {
        Data(renderBytes(name, context, reference: useReference))
    }
}
