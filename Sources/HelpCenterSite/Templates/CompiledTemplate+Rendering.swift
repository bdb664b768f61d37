/// Rendering a compiled template against typed contexts, into UTF-8 bytes.
struct TemplateRenderer {
    let templates: [String: CompiledTemplate]

    func render<Context: TemplateContext>(_ templateName: String, _ context: Context) -> HTMLBuffer {
        var output = HTMLBuffer(capacity: 16 * 1024)
        guard let template = templates[templateName] else { return output }
        withUnsafePointer(to: context) { base in
            var stack: [Frame] = [.context(Context.templateFields.table, UnsafeRawPointer(base))]
            render(template.nodes, stack: &stack, into: &output, depth: 0)
        }
        return output
    }

    /// One level of the context stack: a context (its fields and its address, valid while the
    /// section that pushed it renders) or a plain value a section was opened on.
    private enum Frame {
        case context(TemplateFieldTable, UnsafeRawPointer)
        case value(TemplateValue)
    }

    /// What a tag's name leads to, valid only inside the closure it is handed to.
    private enum Resolved {
        case null
        case value(TemplateValue)
        case context(TemplateFieldTable, UnsafeRawPointer)
        case list(TemplateFieldTable, elements: UnsafeRawPointer?, count: Int, stride: Int)

        var isTruthy: Bool {
            switch self {
            case .null: false
            case .value(let value): value.isTruthy
            case .context: true
            case .list(_, _, let count, _): count > 0
            }
        }
    }

    private func render(_ nodes: [CompiledTemplate.Node], stack: inout [Frame], into output: inout HTMLBuffer, depth: Int) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .variable(_, let path, let escaped, _, _):
                resolve(path, in: stack) { resolved in
                    guard case .value(let value) = resolved else { return }
                    switch value {
                    case .text(let text):
                        if escaped { output.appendEscaped(text, apostrophe: true) } else { output += text }
                    case .html(let html):
                        if escaped { output.appendEscaped(html.string, apostrophe: true) } else { output.append(html) }
                    case .number(let number):
                        output.appendDecimal(number)
                    case .bool(let value):
                        output += value ? "true" : "false"
                    case .object, .list, .null:
                        break
                    }
                }
            case .section(_, let path, let inverted, let children, _, _):
                resolve(path, in: stack) { resolved in
                    if inverted {
                        if !resolved.isTruthy { render(children, stack: &stack, into: &output, depth: depth) }
                        return
                    }
                    switch resolved {
                    case .null, .value(.bool(false)), .value(.null):
                        break
                    case .value(.bool(true)):
                        render(children, stack: &stack, into: &output, depth: depth)
                    case .value(let value):
                        stack.append(.value(value))
                        render(children, stack: &stack, into: &output, depth: depth)
                        stack.removeLast()
                    case .context(let fields, let base):
                        stack.append(.context(fields, base))
                        render(children, stack: &stack, into: &output, depth: depth)
                        stack.removeLast()
                    case .list(let fields, let elements, let count, let stride):
                        guard let elements else { return }
                        for index in 0..<count {
                            stack.append(.context(fields, elements + index * stride))
                            render(children, stack: &stack, into: &output, depth: depth)
                            stack.removeLast()
                        }
                    }
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
    /// context that has it, then `b` inside it. Names are `TemplateNames` numbers.
    private func resolve(_ path: [Int], in stack: [Frame], _ body: (Resolved) -> Void) {
        guard let first = path.first else {
            switch stack.last {
            case .context(let fields, let base): body(.context(fields, base))
            case .value(let value): body(.value(value))
            case nil: body(.null)
            }
            return
        }
        var level = stack.count - 1
        while level >= 0 {
            if case .context(let fields, let base) = stack[level], let access = fields.access(first) {
                resolve(access, at: base, rest: path.dropFirst(), body)
                return
            }
            level -= 1
        }
        body(.null)
    }

    private func resolve(_ access: TemplateFieldAccess, at base: UnsafeRawPointer, rest: ArraySlice<Int>, _ body: (Resolved) -> Void) {
        switch access {
        case .scalar(let read):
            body(rest.isEmpty ? .value(read(base)) : .null)
        case .object(let fields, let project):
            guard let child = project(base) else { return body(.null) }
            let table = fields()
            guard let next = rest.first else { return body(.context(table, child)) }
            guard let access = table.access(next) else { return body(.null) }
            resolve(access, at: child, rest: rest.dropFirst(), body)
        case .list(let fields, let stride, let withElements):
            guard rest.isEmpty else { return body(.null) }
            withElements(base) { elements, count in
                body(.list(fields(), elements: elements, count: count, stride: stride))
            }
        }
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
