import HelpCenterDiagnostics

/// Checks, before anything is rendered, that every variable and section a template names is
/// provided by the page kind it renders (Mustache would silently print nothing), and that every
/// partial it includes exists. Partials are checked where they are included.
///
/// Partials are expanded as the renderer would expand them, so two shapes of template are
/// refused here, before any page is rendered: a partial that includes itself, directly or
/// through others (its pages would recurse until the stack runs out), and partials that fan
/// out (three includes of a partial that includes another three times, sixteen deep, are 43
/// million expansions: found by fuzzing, it made the build run out of memory).
struct TemplateVariableChecker {
    let templates: [String: CompiledTemplate]
    let pageKindName: String
    var diagnostics: [Diagnostic] = []
    /// The partials being expanded, outermost first.
    private var including: [String] = []
    private var expansions = 0
    /// Most partial inclusions one page kind's templates may expand to.
    static let maximumExpansions = 10_000

    init(templates: [String: CompiledTemplate], pageKindName: String) {
        self.templates = templates
        self.pageKindName = pageKindName
    }

    mutating func check(_ template: CompiledTemplate, shape: TemplateShape) {
        var stack = [shape]
        check(template.nodes, in: template, stack: &stack)
    }

    private mutating func check(_ nodes: [CompiledTemplate.Node], in template: CompiledTemplate, stack: inout [TemplateShape]) {
        for node in nodes {
            switch node {
            case .text:
                continue
            case .variable(let name, _, _, let line, let column):
                _ = resolve(name, stack: stack, at: SourceLocation(path: template.displayPath, line: line, column: column))
            case .section(let name, _, let inverted, let children, let line, let column):
                let shape = resolve(name, stack: stack, at: SourceLocation(path: template.displayPath, line: line, column: column))
                switch (inverted, shape) {
                case (false, .list(let element)?): stack.append(element)
                case (false, .object?): stack.append(shape ?? .value)
                default: stack.append(.value)
                }
                check(children, in: template, stack: &stack)
                stack.removeLast()
            case .partial(let name, _, let line, let column):
                let location = SourceLocation(path: template.displayPath, line: line, column: column)
                guard let partial = templates["partials/" + name] ?? templates[name] else {
                    diagnostics.append(
                        .error(
                            "template includes the partial '\(name)', but there is no partials/\(name).mustache",
                            at: location, id: "template"))
                    continue
                }
                checkPartial(partial, name: name, at: location, stack: &stack)
            }
        }
    }

    private mutating func checkPartial(_ partial: CompiledTemplate, name: String, at location: SourceLocation, stack: inout [TemplateShape]) {
        if including.contains(name) {
            let chain = (including.drop { $0 != name } + [name]).joined(separator: " → ")
            diagnostics.append(
                .error(
                    "the partial '\(name)' includes itself (\(chain)), so its pages would never finish; remove the inclusion",
                    at: location, id: "template"))
            return
        }
        expansions += 1
        guard expansions <= Self.maximumExpansions else {
            if expansions == Self.maximumExpansions + 1 {
                diagnostics.append(
                    .error(
                        "the \(pageKindName) page's templates include partials more than \(Self.maximumExpansions) times (partials that include others several times multiply); include each partial fewer times",
                        at: location, id: "template"))
            }
            return
        }
        including.append(name)
        check(partial.nodes, in: partial, stack: &stack)
        including.removeLast()
    }

    /// Resolves a (possibly dotted) name the way Mustache does: the first component against the
    /// context stack from the innermost section out, the rest inside that value.
    private mutating func resolve(_ name: String, stack: [TemplateShape], at location: SourceLocation) -> TemplateShape? {
        if name == "." { return .value }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, !first.isEmpty, !parts.contains("") else {
            diagnostics.append(.error("'{{\(name)}}' is not a valid name", at: location, id: "template-variable"))
            return nil
        }
        if name.contains("(") {
            diagnostics.append(
                .error(
                    "'{{\(name)}}': transforms are not supported; the page contexts provide every value ready to print", at: location, id: "template-variable"))
            return nil
        }
        var found: TemplateShape?
        for shape in stack.reversed() {
            if let field = shape.fields?[first] {
                found = field
                break
            }
        }
        guard var shape = found else {
            let available = stack.reduce(into: Set<String>()) { $0.formUnion($1.fields?.keys ?? [:].keys) }
            report(name: name, missing: first, available: available, at: location)
            return nil
        }
        for part in parts.dropFirst() {
            guard let next = shape.fields?[part] else {
                report(name: name, missing: part, available: Set(shape.fields?.keys ?? [:].keys), at: location)
                return nil
            }
            shape = next
        }
        return shape
    }

    private mutating func report(name: String, missing: String, available: Set<String>, at location: SourceLocation) {
        let hint = available.isEmpty ? "" : "; available here: \(available.sorted().joined(separator: ", "))"
        diagnostics.append(
            .error(
                "'{{\(name)}}' is not provided to \(pageKindName) pages ('\(missing)' is unknown)\(hint)",
                at: location, id: "template-variable"))
    }
}
