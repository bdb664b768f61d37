/// Rendering the site's templates (`TemplateProgram`) against typed contexts, into UTF-8 bytes.
/// Safe code only: a context is reached through its declared fields (`TemplateFields`), never
/// through its memory.
struct TemplateRenderer {
    let program: TemplateProgram

    func render<Context: TemplateContext>(_ templateName: String, _ context: Context) -> HTMLBuffer {
        var output = HTMLBuffer(capacity: 16 * 1024)
        guard let number = program.numbers[templateName] else { return output }
        var stack: [Frame] = [.context(context)]
        run(program.templates[number], stack: &stack, into: &output, depth: 0)
        return output
    }

    /// One level of the context stack: a context, or a plain value a section was opened on.
    private enum Frame {
        case context(any TemplateContext)
        case value(TemplateValue)
    }

    private func run(_ range: Range<Int>, stack: inout [Frame], into output: inout HTMLBuffer, depth: Int) {
        var position = range.lowerBound
        while position < range.upperBound {
            switch program.instructions[position] {
            case .text(let start, let count):
                output.append(program.bytes[start..<start + count])
                position += 1
            case .variable(let pathStart, let pathCount, let escaped):
                let value = resolve(program.paths[pathStart..<pathStart + pathCount], in: stack)
                switch value {
                case .text(let text):
                    if escaped { output.appendEscaped(text, apostrophe: true) } else { output += text }
                case .html(let html):
                    if escaped { output.appendEscaped(bytes: html.bytes[...], apostrophe: true) } else { output.append(html) }
                case .number(let number):
                    output.appendDecimal(number)
                case .bool(let value):
                    output += value ? "true" : "false"
                case .object, .list, .null:
                    break
                }
                position += 1
            case .section(let pathStart, let pathCount, let inverted, let bodyCount):
                let body = position + 1..<position + 1 + bodyCount
                let value = resolve(program.paths[pathStart..<pathStart + pathCount], in: stack)
                if inverted {
                    if !value.isTruthy { run(body, stack: &stack, into: &output, depth: depth) }
                } else {
                    switch value {
                    case .null, .bool(false):
                        break
                    case .bool(true):
                        run(body, stack: &stack, into: &output, depth: depth)
                    case .object(let context):
                        stack.append(.context(context))
                        run(body, stack: &stack, into: &output, depth: depth)
                        stack.removeLast()
                    case .list(let items):
                        for index in 0..<items.count {
                            stack.append(.context(items.item(at: index)))
                            run(body, stack: &stack, into: &output, depth: depth)
                            stack.removeLast()
                        }
                    case .text, .html, .number:
                        stack.append(.value(value))
                        run(body, stack: &stack, into: &output, depth: depth)
                        stack.removeLast()
                    }
                }
                position = body.upperBound
            case .partial(let template, let indentStart, let indentCount):
                position += 1
                guard depth < 32 else { continue }
                if indentCount == 0 {
                    run(program.templates[template], stack: &stack, into: &output, depth: depth + 1)
                } else {
                    var rendered = HTMLBuffer()
                    run(program.templates[template], stack: &stack, into: &rendered, depth: depth + 1)
                    Self.indent(rendered, by: program.bytes[indentStart..<indentStart + indentCount], into: &output)
                }
            case .missingPartial:
                position += 1
            }
        }
    }

    /// Mustache name resolution: `.` is the current value; `a.b` finds `a` in the innermost
    /// context that has it, then `b` inside it. Names are `TemplateNames` numbers.
    private func resolve(_ path: ArraySlice<Int>, in stack: [Frame]) -> TemplateValue {
        guard !path.isEmpty else {
            switch stack.last {
            case .context(let context): return .object(context)
            case .value(let value): return value
            case nil: return .null
            }
        }
        for frame in stack.reversed() {
            if case .context(let context) = frame, let value = context.value(path: path) { return value }
        }
        return .null
    }

    /// Every line of `text` indented (a standalone partial's indentation), as swift-mustache
    /// does it: a line starts after a line feed that does not end a CR LF pair.
    private static func indent(_ text: HTMLBuffer, by indentation: ArraySlice<UInt8>, into output: inout HTMLBuffer) {
        var atLineStart = true
        var previous: UInt8 = 0
        for byte in text.bytes {
            if atLineStart { output.append(indentation) }
            output.append(byte: byte)
            atLineStart = byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r")
            previous = byte
        }
    }
}
