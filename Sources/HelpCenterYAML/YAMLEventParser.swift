// The one file that talks to libyaml's event parser. Yams (our YAML library) bundles libyaml
// as its C module `CYaml` and keeps its own event API private, so this file imports the
// module directly: it comes with the Yams dependency and is the same libyaml that Yams uses.
// Every event is copied into a Swift value here; no C type leaves this file.
//
// Why not Yams' `compose`: it builds a tree of enum nodes, each with a tag object, and checks
// duplicate keys by hashing whole nodes. On a generated suite of 10,000 scenarios (6 MB) that
// was 26% of `helpcenter check`'s instructions, and reading that tree into scenarios another
// 13% (callgrind, docs/checker.md). The event stream lets `YAMLDocument` build a flat tree in
// one pass instead.
import CYaml
import HelpCenterDiagnostics

/// Where an event starts: 1-based line and column (the column counts Unicode scalars).
public struct YAMLMark: Sendable, Hashable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// How a scalar was written. Only plain scalars can be null (`~`, `null`, or nothing).
public enum YAMLScalarStyle: Sendable, Hashable {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal
    case folded
}

/// One event of the parse, as Swift values. Tags are not kept: every reader in this program
/// types scalars itself, from their text.
enum YAMLEvent {
    case streamStart
    case streamEnd
    case documentStart(mark: YAMLMark)
    case documentEnd
    case scalar(text: String, style: YAMLScalarStyle, anchor: String?, mark: YAMLMark)
    case sequenceStart(anchor: String?, mark: YAMLMark)
    case sequenceEnd
    case mappingStart(anchor: String?, mark: YAMLMark)
    case mappingEnd
    case alias(anchor: String, mark: YAMLMark)
}

/// libyaml's parser over a copy of a UTF-8 text, handing out one event at a time. A class,
/// because libyaml's parser state must stay at one address; it frees that state and the
/// copy of the text when it goes.
final class YAMLEventParser {
    private var parser = yaml_parser_t()
    private let input: UnsafeMutableBufferPointer<UInt8>

    init(_ text: String) {
        var text = text
        input = text.withUTF8 { bytes in
            let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
            _ = copy.initialize(from: bytes)
            return copy
        }
        yaml_parser_initialize(&parser)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, input.baseAddress, text.utf8.count)
    }

    deinit {
        yaml_parser_delete(&parser)
        input.deallocate()
    }

    /// The next event; after `streamEnd`, libyaml keeps returning `streamEnd`.
    func next() throws(TextProblem) -> YAMLEvent {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { throw problem() }
        defer { yaml_event_delete(&event) }
        let mark = YAMLMark(line: event.start_mark.line + 1, column: event.start_mark.column + 1)
        switch event.type {
        case YAML_STREAM_START_EVENT: return .streamStart
        case YAML_DOCUMENT_START_EVENT: return .documentStart(mark: mark)
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            return .scalar(text: text, style: Self.style(scalar.style), anchor: Self.text(scalar.anchor), mark: mark)
        case YAML_SEQUENCE_START_EVENT: return .sequenceStart(anchor: Self.text(event.data.sequence_start.anchor), mark: mark)
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_MAPPING_START_EVENT: return .mappingStart(anchor: Self.text(event.data.mapping_start.anchor), mark: mark)
        case YAML_MAPPING_END_EVENT: return .mappingEnd
        case YAML_ALIAS_EVENT: return .alias(anchor: Self.text(event.data.alias.anchor) ?? "", mark: mark)
        default: return .streamEnd
        }
    }

    /// libyaml's error, worded as the rest of the program words YAML errors.
    private func problem() -> TextProblem {
        let what = parser.problem.map { String(cString: $0) } ?? "unknown error"
        var message = "invalid YAML: \(what)"
        if let context = parser.context {
            message += " (\(String(cString: context)))"
        }
        switch parser.error {
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            let reading = YAMLErrorReading(
                problem: what, context: parser.context.map { String(cString: $0) },
                contextMark: (parser.context_mark.line + 1, parser.context_mark.column + 1),
                problemMark: (parser.problem_mark.line + 1, parser.problem_mark.column + 1), text: Array(input))
            if let explained = reading.explained() { return explained }
            let line = parser.problem_mark.line + 1
            return TextProblem(message, line: line, column: parser.problem_mark.column + 1)
        default:
            return TextProblem(message)
        }
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
