/// Rendering the site's templates (`TemplateProgram`) against typed contexts, into UTF-8 bytes.
struct TemplateRenderer {
    let program: TemplateProgram

    func render<Context: TemplateContext>(_ templateName: String, _ context: Context) -> HTMLBuffer {
        var output = HTMLBuffer(capacity: 16 * 1024)
        guard let number = program.numbers[templateName] else { return output }
        program.instructions.withUnsafeBufferPointer { instructions in
            program.bytes.withUnsafeBufferPointer { bytes in
                program.paths.withUnsafeBufferPointer { paths in
                    program.templates.withUnsafeBufferPointer { templates in
                        let code = Code(instructions: instructions, bytes: bytes, paths: paths, templates: templates)
                        withUnsafePointer(to: context) { base in
                            var stack: [Frame] = [.context(Context.templateFields.table.reference, UnsafeRawPointer(base))]
                            code.run(templates[number], stack: &stack, into: &output, depth: 0)
                        }
                    }
                }
            }
        }
        return output
    }

    /// One level of the context stack: a context (its fields and its address, valid while the
    /// section that pushed it renders) or a plain value a section was opened on.
    private enum Frame {
        case context(TemplateFieldTable.Reference, UnsafeRawPointer)
        case value(TemplateValue)
    }

    /// What a tag's name leads to, valid only inside the closure it is handed to.
    private enum Resolved {
        case null
        case value(TemplateValue)
        /// A text stored in a context, read where it is.
        case text(UnsafePointer<String>)
        case context(TemplateFieldTable.Reference, UnsafeRawPointer)
        case list(TemplateFieldTable.Reference, elements: UnsafeRawPointer?, count: Int, stride: Int)

        var isTruthy: Bool {
            switch self {
            case .null: false
            case .value(let value): value.isTruthy
            case .text, .context: true
            case .list(_, _, let count, _): count > 0
            }
        }
    }

    /// The program's arrays, borrowed for one page.
    private struct Code {
        let instructions: UnsafeBufferPointer<TemplateProgram.Instruction>
        let bytes: UnsafeBufferPointer<UInt8>
        let paths: UnsafeBufferPointer<Int>
        let templates: UnsafeBufferPointer<Range<Int>>

        func run(_ range: Range<Int>, stack: inout [Frame], into output: inout HTMLBuffer, depth: Int) {
            var position = range.lowerBound
            while position < range.upperBound {
                switch instructions[position] {
                case .text(let start, let count):
                    output.append(bytes: UnsafeBufferPointer(rebasing: bytes[start..<start + count]))
                    position += 1
                case .variable(let pathStart, let pathCount, let escaped):
                    resolve(UnsafeBufferPointer(rebasing: paths[pathStart..<pathStart + pathCount]), in: stack) { resolved in
                        if case .text(let text) = resolved {
                            let copied: Void? = text.pointee.utf8.withContiguousStorageIfAvailable { bytes in
                                if escaped { output.appendEscaped(bytes: bytes, apostrophe: true) } else { output.append(bytes: bytes) }
                            }
                            if copied == nil {
                                if escaped { output.appendEscaped(text.pointee, apostrophe: true) } else { output += text.pointee }
                            }
                            return
                        }
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
                    position += 1
                case .section(let pathStart, let pathCount, let inverted, let bodyCount):
                    let body = position + 1..<position + 1 + bodyCount
                    resolve(UnsafeBufferPointer(rebasing: paths[pathStart..<pathStart + pathCount]), in: stack) { resolved in
                        if inverted {
                            if !resolved.isTruthy { run(body, stack: &stack, into: &output, depth: depth) }
                            return
                        }
                        switch resolved {
                        case .null, .value(.bool(false)), .value(.null):
                            break
                        case .value(.bool(true)):
                            run(body, stack: &stack, into: &output, depth: depth)
                        case .value(let value):
                            stack.append(.value(value))
                            run(body, stack: &stack, into: &output, depth: depth)
                            stack.removeLast()
                        case .text(let text):
                            stack.append(.value(.text(text.pointee)))
                            run(body, stack: &stack, into: &output, depth: depth)
                            stack.removeLast()
                        case .context(let fields, let base):
                            stack.append(.context(fields, base))
                            run(body, stack: &stack, into: &output, depth: depth)
                            stack.removeLast()
                        case .list(let fields, let elements, let count, let stride):
                            guard let elements else { return }
                            for index in 0..<count {
                                stack.append(.context(fields, elements + index * stride))
                                run(body, stack: &stack, into: &output, depth: depth)
                                stack.removeLast()
                            }
                        }
                    }
                    position = body.upperBound
                case .partial(let template, let indentStart, let indentCount):
                    position += 1
                    guard depth < 32 else { continue }
                    if indentCount == 0 {
                        run(templates[template], stack: &stack, into: &output, depth: depth + 1)
                    } else {
                        var rendered = HTMLBuffer()
                        run(templates[template], stack: &stack, into: &rendered, depth: depth + 1)
                        TemplateRenderer.indent(rendered, by: UnsafeBufferPointer(rebasing: bytes[indentStart..<indentStart + indentCount]), into: &output)
                    }
                case .missingPartial:
                    position += 1
                }
            }
        }

        /// Mustache name resolution: `.` is the current value; `a.b` finds `a` in the innermost
        /// context that has it, then `b` inside it. Names are `TemplateNames` numbers.
        private func resolve(_ path: UnsafeBufferPointer<Int>, in stack: [Frame], _ body: (Resolved) -> Void) {
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
                    resolve(access, at: base, rest: UnsafeBufferPointer(rebasing: path.dropFirst()), body)
                    return
                }
                level -= 1
            }
            body(.null)
        }

        private func resolve(_ access: TemplateFieldAccess, at base: UnsafeRawPointer, rest: UnsafeBufferPointer<Int>, _ body: (Resolved) -> Void) {
            switch access {
            case .scalar(let read):
                body(rest.isEmpty ? .value(read(base)) : .null)
            case .text(let offset, let optional):
                guard rest.isEmpty else { return body(.null) }
                // A present `String?` keeps its string at its own address, as objects do.
                let field = base + offset
                if optional && field.assumingMemoryBound(to: String?.self).pointee == nil { return body(.null) }
                body(.text(field.assumingMemoryBound(to: String.self)))
            case .object(let offset, let optional, let type, let fields):
                let child = base + offset
                if optional && !type.isPresent(at: child) { return body(.null) }
                guard let next = rest.first else { return body(.context(fields, child)) }
                guard let access = fields.access(next) else { return body(.null) }
                resolve(access, at: child, rest: UnsafeBufferPointer(rebasing: rest.dropFirst()), body)
            case .list(let offset, let stride, let type, let fields):
                guard rest.isEmpty else { return body(.null) }
                type.withElements(at: base + offset) { elements, count in
                    body(.list(fields, elements: elements, count: count, stride: stride))
                }
            }
        }
    }

    /// Every line of `text` indented (a standalone partial's indentation), as swift-mustache
    /// does it: a line starts after a line feed that does not end a CR LF pair.
    private static func indent(_ text: HTMLBuffer, by indentation: UnsafeBufferPointer<UInt8>, into output: inout HTMLBuffer) {
        var atLineStart = true
        var previous: UInt8 = 0
        for byte in text.bytes {
            if atLineStart { output.append(bytes: indentation) }
            output.append(byte: byte)
            atLineStart = byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r")
            previous = byte
        }
    }
}
