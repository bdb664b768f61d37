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
    /// How many objects and arrays are open.
    private var depth = 0
    /// Bit `n`: whether the container open at depth `n + 1` has a member yet (JSON reports
    /// nest a few levels; deeper levels share the last bit, which only affects commas there).
    private var hasMember: UInt64 = 0
    /// Whether a key was just written, so the next value follows it on the same line.
    private var afterKey = false

    init() {
        bytes.reserveCapacity(64 * 1024)
    }

    /// A writer for values that go inside `depth` open containers that already have members:
    /// every value it writes starts with a comma, for `appendMembers` to place.
    init(membersAtDepth depth: Int) {
        self.init()
        self.depth = depth
        hasMember = ~0
    }

    /// Adds values written by a `JSONWriter(membersAtDepth:)` at this writer's depth as
    /// members of the innermost open container (its first member loses its comma).
    mutating func appendMembers(_ text: String) {
        guard !text.isEmpty, depth > 0 else { return }
        let start = bytes.count
        bytes.append(contentsOf: text.utf8)
        if !currentHasMember {
            bytes.remove(at: start)
            currentHasMember = true
        }
    }

    /// How many objects and arrays are open: the depth for a `JSONWriter(membersAtDepth:)`
    /// whose values go into the innermost.
    var openContainers: Int { depth }

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

    private var memberBit: UInt64 { 1 << UInt64(min(depth, 64) - 1) }

    private var currentHasMember: Bool {
        get { hasMember & memberBit != 0 }
        set { if newValue { hasMember |= memberBit } else { hasMember &= ~memberBit } }
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func open(_ bracket: String) {
        beginValue()
        append(bracket)
        depth += 1
        currentHasMember = false
    }

    mutating func beginObject() {
        open("{")
    }

    mutating func endObject() {
        end("}")
    }

    mutating func beginArray() {
        open("[")
    }

    mutating func endArray() {
        end("]")
    }

    /// A key: always one of the report's own names, so it is written without escaping.
    mutating func key(_ name: String) {
        beginValue()
        bytes.append(UInt8(ascii: "\""))
        append(name)
        append("\": ")
        afterKey = true
    }

    mutating func value(_ string: String) {
        beginValue()
        appendQuoted(string)
    }

    mutating func value(_ number: Int) {
        beginValue()
        bytes.append(contentsOf: String(number).utf8)
    }

    mutating func value(_ flag: Bool) {
        beginValue()
        if flag { append("true") } else { append("false") }
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
        guard depth > 0 else { return }
        if currentHasMember {
            bytes.append(UInt8(ascii: ","))
        } else {
            currentHasMember = true
        }
        newline()
    }

    private mutating func end(_ bracket: String) {
        let hadMember = currentHasMember
        depth -= 1
        if hadMember { newline() }
        append(bracket)
    }

    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<depth {
            bytes.append(UInt8(ascii: " "))
            bytes.append(UInt8(ascii: " "))
        }
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
                    bytes.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                default:
                    // Multi-byte characters pass through byte by byte: the text stays UTF-8.
                    bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
