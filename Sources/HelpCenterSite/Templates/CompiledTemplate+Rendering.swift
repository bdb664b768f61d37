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
            case .variable(let name, let escaped, _, _):
                switch lookup(name, in: stack) {
                case .text(let text):
                    if escaped { Self.escape(text, into: &output) } else { output += text }
                case .number(let number):
                    output += String(number)
                case .bool(let value):
                    output += value ? "true" : "false"
                case .object, .list, .null, nil:
                    break
                }
            case .section(let name, let inverted, let children, _, _):
                let value = lookup(name, in: stack) ?? .null
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
    private func lookup(_ name: String, in stack: [TemplateValue]) -> TemplateValue? {
        if name == "." { return stack.last }
        var parts = name.split(separator: ".", omittingEmptySubsequences: false)[...]
        guard let first = parts.popFirst() else { return nil }
        var value: TemplateValue?
        for candidate in stack.reversed() {
            if case .object(let context) = candidate, let found = context.value(named: String(first)) {
                value = found
                break
            }
        }
        for part in parts {
            guard case .object(let context) = value else { return nil }
            value = context.value(named: String(part))
        }
        return value
    }

    /// HTML escaping as swift-mustache does it: `< > & " '`.
    static func escape(_ text: String, into output: inout String) {
        var needsEscaping = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                needsEscaping = true
            default:
                continue
            }
            break
        }
        guard needsEscaping else {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&": output += "&amp;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(scalar)
            }
        }
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
