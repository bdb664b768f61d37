import Foundation
import HelpCenterDiagnostics

/// Checks, before anything is rendered, that every variable and section a template names is
/// provided by the page kind it renders (Mustache would silently print nothing), and that every
/// partial it includes exists. Partials are checked where they are included.
struct TemplateVariableChecker {
    let partials: [String: TemplateSource]
    let pageKindName: String
    var diagnostics: [Diagnostic] = []
    private var partialDepth = 0

    init(partials: [String: TemplateSource], pageKindName: String) {
        self.partials = partials
        self.pageKindName = pageKindName
    }

    mutating func check(_ template: TemplateSource, shape: TemplateShape) {
        var stack = [shape]
        check(template, stack: &stack)
    }

    private mutating func check(_ template: TemplateSource, stack: inout [TemplateShape]) {
        let baseDepth = stack.count
        for tag in MustacheTagScanner.tags(in: template.text) {
            let location = SourceLocation(path: template.displayPath, line: tag.line, column: tag.column)
            switch tag.kind {
            case .comment, .setDelimiters:
                continue
            case .variable, .blockDefinition:
                _ = resolve(tag.name, stack: stack, at: location, template: template)
            case .section:
                let shape = resolve(tag.name, stack: stack, at: location, template: template)
                switch shape {
                case .list(let element): stack.append(element)
                case .object: stack.append(shape ?? .value)
                default: stack.append(.value)
                }
            case .invertedSection:
                _ = resolve(tag.name, stack: stack, at: location, template: template)
                stack.append(.value)
            case .sectionEnd:
                if stack.count > baseDepth { stack.removeLast() }
            case .partial:
                guard let partial = partials[tag.name] else {
                    diagnostics.append(.error(
                        "template includes the partial '\(tag.name)', but there is no partials/\(tag.name).mustache",
                        at: location, id: "template"))
                    continue
                }
                guard partialDepth < 16 else {
                    diagnostics.append(.error("partials include each other too deeply (more than 16 levels) at '\(tag.name)'", at: location, id: "template"))
                    continue
                }
                partialDepth += 1
                check(partial, stack: &stack)
                partialDepth -= 1
            }
        }
        if stack.count > baseDepth { stack.removeLast(stack.count - baseDepth) }
    }

    /// Resolves a (possibly dotted) name the way Mustache does: the first component against the
    /// context stack from the innermost section out, the rest inside that value.
    private mutating func resolve(_ rawName: String, stack: [TemplateShape], at location: SourceLocation, template: TemplateSource) -> TemplateShape? {
        let name = Self.variableName(rawName)
        if name.isEmpty || name == "." { return .value }
        let parts = name.split(separator: ".").map(String.init)
        let lookupParts = name.hasPrefix(".") ? parts : parts
        guard let first = lookupParts.first else { return .value }
        var found: TemplateShape?
        for shape in stack.reversed() {
            if let field = shape.fields?[first] {
                found = field
                break
            }
            if name.hasPrefix(".") { break }
        }
        guard var shape = found else {
            report(name: name, missing: first, available: stack.last?.fields ?? stack.first?.fields ?? [:], at: location)
            return nil
        }
        for part in lookupParts.dropFirst() {
            guard let next = shape.fields?[part] else {
                report(name: name, missing: part, available: shape.fields ?? [:], at: location)
                return nil
            }
            shape = next
        }
        return shape
    }

    private mutating func report(name: String, missing: String, available: [String: TemplateShape], at location: SourceLocation) {
        let names = available.keys.sorted().joined(separator: ", ")
        let hint = available.isEmpty ? "" : "; available here: \(names)"
        diagnostics.append(.error(
            "'{{\(name)}}' is not provided to \(pageKindName) pages ('\(missing)' is unknown)\(hint)",
            at: location, id: "template-variable"))
    }

    /// `uppercased(title)` → `title`; `first()` (a sequence transform) → ``.
    static func variableName(_ raw: String) -> String {
        var name = raw.trimmingCharacters(in: .whitespaces)
        while let open = name.firstIndex(of: "("), let close = name.lastIndex(of: ")"), open < close {
            name = String(name[name.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
        }
        return name
    }
}
