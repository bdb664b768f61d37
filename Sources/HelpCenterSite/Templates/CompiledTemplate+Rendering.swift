/// Rendering a compiled template against typed contexts, into UTF-8 bytes.
struct TemplateRenderer {
    let templates: [String: CompiledTemplate]

    func render(_ templateName: String, _ context: any TemplateContext) -> HTMLBuffer {
        var output = HTMLBuffer(capacity: 16 * 1024)
        guard let template = templates[templateName] else { return output }
        var stack: [TemplateValue] = [.object(context)]
        render(template.nodes, stack: &stack, into: &output, depth: 0)
        return output
    }

    private func render(_ nodes: [CompiledTemplate.Node], stack: inout [TemplateValue], into output: inout HTMLBuffer, depth: Int) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .variable(_, let path, let escaped, _, _):
                switch lookup(path, in: stack) {
                case .text(let text):
                    if escaped { output.appendEscaped(text, apostrophe: true) } else { output += text }
                case .html(let html):
                    if escaped { output.appendEscaped(html.string, apostrophe: true) } else { output.append(html) }
                case .number(let number):
                    output.appendDecimal(number)
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
                    var rendered = HTMLBuffer()
                    render(partial.nodes, stack: &stack, into: &rendered, depth: depth + 1)
                    Self.indent(rendered, by: indentation, into: &output)
                }
            }
        }
    }

    /// Mustache name resolution: `.` is the current value; `a.b` finds `a` in the innermost
    /// value that has it, then `b` inside it. Names are `TemplateNames` numbers.
    private func lookup(_ path: [Int], in stack: [TemplateValue]) -> TemplateValue? {
        guard let first = path.first else { return stack.last }
        var value: TemplateValue?
        var level = stack.count - 1
        while level >= 0 {
            if case .object(let context) = stack[level], let found = context.value(number: first) {
                value = found
                break
            }
            level -= 1
        }
        for part in path.dropFirst() {
            guard case .object(let context) = value else { return nil }
            value = context.value(number: part)
        }
        return value
    }

    /// Every line of `text` indented (a standalone partial's indentation), as swift-mustache
    /// does it: a line starts after a line feed that does not end a CR LF pair.
    private static func indent(_ text: HTMLBuffer, by indentation: String, into output: inout HTMLBuffer) {
        var atLineStart = true
        var previous: UInt8 = 0
        for byte in text.bytes {
            if atLineStart { output += indentation }
            output.append(byte: byte)
            atLineStart = byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r")
            previous = byte
        }
    }
}
