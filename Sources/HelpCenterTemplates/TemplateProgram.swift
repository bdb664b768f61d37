/// A site's compiled templates flattened for rendering: one array of instructions whose
/// operands are plain integers, every text in one byte array and every tag's path in one
/// integer array. Rendering walks these arrays by index: the instructions hold no strings or
/// objects, so every page on every core reads the same program without touching a reference
/// count.
final class TemplateProgram: Sendable {
    enum Instruction: Sendable {
        case text(start: Int, count: Int)
        case variable(pathStart: Int, pathCount: Int, escaped: Bool)
        /// The section's body is the `bodyCount` instructions that follow it.
        case section(pathStart: Int, pathCount: Int, inverted: Bool, bodyCount: Int)
        /// Renders template number `template`, every line indented by the given bytes.
        case partial(template: Int, indentStart: Int, indentCount: Int)
        /// A partial the site does not have: renders nothing, as in Mustache.
        case missingPartial
    }

    let instructions: [Instruction]
    let bytes: [UInt8]
    let paths: [Int]
    /// Each template's instructions, by template number.
    let templates: [Range<Int>]
    let numbers: [String: Int]

    init(_ compiled: [String: CompiledTemplate]) {
        var numbers: [String: Int] = [:]
        for name in compiled.keys.sorted() { numbers[name] = numbers.count }
        var builder = Builder(numbers: numbers)
        var templates = [Range<Int>](repeating: 0..<0, count: numbers.count)
        for (name, number) in numbers.sorted(by: { $0.value < $1.value }) {
            let start = builder.instructions.count
            builder.emit(compiled[name]?.nodes ?? [])
            templates[number] = start..<builder.instructions.count
        }
        instructions = builder.instructions
        bytes = builder.bytes
        paths = builder.paths
        self.templates = templates
        self.numbers = numbers
    }

    private struct Builder {
        let numbers: [String: Int]
        var instructions: [Instruction] = []
        var bytes: [UInt8] = []
        var paths: [Int] = []

        mutating func emit(_ nodes: [CompiledTemplate.Node]) {
            for node in nodes {
                switch node {
                case .text(let text):
                    instructions.append(.text(start: bytes.count, count: text.utf8.count))
                    bytes += text.utf8
                case .variable(_, let path, let escaped, _, _):
                    instructions.append(.variable(pathStart: paths.count, pathCount: path.count, escaped: escaped))
                    paths += path
                case .section(_, let path, let inverted, let children, _, _):
                    let at = instructions.count
                    let pathStart = paths.count
                    paths += path
                    instructions.append(.missingPartial)
                    emit(children)
                    instructions[at] = .section(
                        pathStart: pathStart, pathCount: path.count, inverted: inverted, bodyCount: instructions.count - at - 1)
                case .partial(let name, let indentation, _, _):
                    guard let template = numbers["partials/" + name] ?? numbers[name] else {
                        instructions.append(.missingPartial)
                        continue
                    }
                    instructions.append(.partial(template: template, indentStart: bytes.count, indentCount: indentation.utf8.count))
                    bytes += indentation.utf8
                }
            }
        }
    }
}
