/// JSON text, written value by value and handed out in pieces (`take`), so that a report can
/// be written while the check goes on.
///
/// Written by hand because Foundation's `JSONEncoder` needs the whole document as values
/// before it writes a byte, and on a suite of 10,000 scenarios it spent a quarter of the
/// check's instructions on the report (callgrind, docs/checker.md). What this needs is small:
/// objects, arrays, strings, integers and booleans, pretty-printed two spaces an indent.
struct JSONWriter {
    /// UTF-8, turned into a `String` only when taken.
    private var bytes: [UInt8] = []
    /// One entry per open object or array: whether it has a member yet.
    private var open: [Bool] = []

    init() {}

    /// A writer for values that go inside `depth` open containers that already have members:
    /// every value it writes starts with a comma, for `appendMembers` to place.
    init(membersAtDepth depth: Int) {
        open = Array(repeating: true, count: depth)
    }

    /// Adds values written by a `JSONWriter(membersAtDepth:)` at this writer's depth as
    /// members of the innermost open container (its first member loses its comma).
    mutating func appendMembers(_ text: String) {
        guard !text.isEmpty, let hasMember = open.last else { return }
        var utf8 = Substring(text).utf8[...]
        if !hasMember {
            utf8 = utf8.dropFirst()
            open[open.count - 1] = true
        }
        bytes.append(contentsOf: utf8)
    }
    /// Whether a key was just written, so the next value follows it on the same line.
    private var afterKey = false

    /// Bytes written since the last `take`.
    var byteCount: Int { bytes.count }

    /// The text written since the last `take`.
    mutating func take() -> String {
        defer { bytes.removeAll(keepingCapacity: true) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Hands the text written so far to `emit` once it passes 64 KiB, so a long report goes
    /// out in pieces of about that size.
    mutating func flush(to emit: (String) -> Void) {
        if bytes.count >= 64 * 1024 { emit(take()) }
    }


    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }



    mutating func beginObject() {
        beginValue()
        append("{")
        open.append(false)
    }

    mutating func endObject() {
        end("}")
    }

    mutating func beginArray() {
        beginValue()
        append("[")
        open.append(false)
    }

    mutating func endArray() {
        end("]")
    }

    mutating func key(_ name: String) {
        beginValue()
        appendQuoted(name)
        append(": ")
        afterKey = true
    }

    mutating func value(_ string: String) {
        beginValue()
        appendQuoted(string)
    }

    mutating func value(_ number: Int) {
        beginValue()
        append(String(number))
    }

    mutating func value(_ flag: Bool) {
        beginValue()
        append(flag ? "true" : "false")
    }

    /// `"name": value`.
    mutating func field(_ name: String, _ string: String) {
        key(name)
        value(string)
    }

    mutating func field(_ name: String, _ number: Int) {
        key(name)
        value(number)
    }

    mutating func field(_ name: String, _ flag: Bool) {
        key(name)
        value(flag)
    }

    /// `"name": value`, left out when the value is `nil` (as `JSONEncoder` leaves it out).
    mutating func field(_ name: String, ifPresent string: String?) {
        if let string { field(name, string) }
    }

    /// `"name": ["a", "b"]`.
    mutating func field(_ name: String, strings: [String]) {
        key(name)
        beginArray()
        for string in strings { value(string) }
        endArray()
    }

    /// `"name": [1, 2]`.
    mutating func field(_ name: String, numbers: [Int]) {
        key(name)
        beginArray()
        for number in numbers { value(number) }
        endArray()
    }

    private mutating func beginValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard let hasMember = open.last else { return }
        if hasMember { append(",") } else { open[open.count - 1] = true }
        newline()
    }

    private mutating func end(_ bracket: String) {
        let hadMember = open.removeLast()
        if hadMember { newline() }
        append(bracket)
    }

    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * open.count))
    }

    /// The string in quotes, with `"`, `\` and control characters escaped; everything else
    /// (slashes and non-ASCII text included) as it is.
    private mutating func appendQuoted(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        let start = bytes.count
        bytes.append(contentsOf: string.utf8)
        // Most text needs no escaping; check what was copied, and only redo it if it does.
        if bytes[start...].contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes.removeSubrange(start...)
            for byte in string.utf8 {
                switch byte {
                case UInt8(ascii: "\""): append("\\\"")
                case UInt8(ascii: "\\"): append("\\\\")
                case UInt8(ascii: "\n"): append("\\n")
                case UInt8(ascii: "\r"): append("\\r")
                case UInt8(ascii: "\t"): append("\\t")
                case 0..<0x20:
                    let hex = String(byte, radix: 16)
                    append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                default:
                    // Multi-byte characters pass through byte by byte: the text stays UTF-8.
                    bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
