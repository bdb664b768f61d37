/// Rendering a compiled template against typed contexts.
struct TemplateRenderer {
    let templates: [String: CompiledTemplate]

    func render(_ templateName: String, _ context: any TemplateContext) -> String {
        var output = ""
        output.reserveCapacity(16 * 1024)
        guard let template = templates[templateName] else { return output }
        var stack: [TemplateValue] = [.object(context)]
        render(template.nodes, stack: &stack, into: &output, depth: 0)
        return output
    }

    private func render(_ nodes: [CompiledTemplate.Node], stack: inout [TemplateValue], into output: inout String, depth: Int) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .variable(_, let path, let escaped, _, _):
                switch lookup(path, in: stack) {
                case .text(let text):
                    if escaped { Self.escape(text, into: &output) } else { output += text }
                case .number(let number):
                    output += String(number)
                case .bool(let value):
                    output += value ? "true" : "false"
                case .object, .list, .null, nil:
                    break
                }
            case .section(_, let path, let inverted, let children, _, _):
                let value = lookup(path, in: stack) ?? .null
                if inverted {
                    if !value.isTruthy { render(children, stack: &stack, into: &output, depth: depth) }
                    continue
                }
                switch value {
                case .list(let items):
                    for item in items {
                        stack.append(.object(item))
                        render(children, stack: &stack, into: &output, depth: depth)
                        stack.removeLast()
                    }
                case .bool(true):
                    render(children, stack: &stack, into: &output, depth: depth)
                case .bool(false), .null:
                    break
                default:
                    stack.append(value)
                    render(children, stack: &stack, into: &output, depth: depth)
                    stack.removeLast()
                }
            case .partial(let name, let indentation, _, _):
                guard depth < 32, let partial = templates["partials/" + name] ?? templates[name] else { continue }
                if indentation.isEmpty {
                    render(partial.nodes, stack: &stack, into: &output, depth: depth + 1)
                } else {
                    var rendered = ""
                    render(partial.nodes, stack: &stack, into: &rendered, depth: depth + 1)
                    Self.indent(rendered, by: indentation, into: &output)
                }
            }
        }
    }

    /// Mustache name resolution: `.` is the current value; `a.b` finds `a` in the innermost
    /// value that has it, then `b` inside it.
    private func lookup(_ path: [String], in stack: [TemplateValue]) -> TemplateValue? {
        guard let first = path.first else { return stack.last }
        var value: TemplateValue?
        for candidate in stack.reversed() {
            if case .object(let context) = candidate, let found = context.value(named: first) {
                value = found
                break
            }
        }
        for part in path.dropFirst() {
            guard case .object(let context) = value else { return nil }
            value = context.value(named: part)
        }
        return value
    }

    /// HTML escaping as swift-mustache does it: `< > & " '`.
    static func escape(_ text: String, into output: inout String) {
        HTMLEscaping.append(text, to: &output, apostrophe: true)
    }

    private static func indent(_ text: String, by indentation: String, into output: inout String) {
        var atLineStart = true
        for character in text {
            if atLineStart { output += indentation }
            output.append(character)
            atLineStart = character == "\n"
        }
    }
}
