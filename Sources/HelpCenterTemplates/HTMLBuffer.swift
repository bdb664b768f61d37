/// HTML being written, as UTF-8 bytes. Appending copies bytes and nothing else (a `String`
/// also keeps its count and ASCII flag up to date on every append), which matters when every
/// page is made of thousands of small pieces.
package struct HTMLBuffer: Sendable {
    package private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    package static func += (buffer: inout HTMLBuffer, text: String) {
        buffer.append(text)
    }

    package static func += (buffer: inout HTMLBuffer, text: Substring) {
        buffer.bytes.append(contentsOf: text.utf8)
    }

    package mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends bytes that are already HTML (a template's text).
    package mutating func append(_ html: ArraySlice<UInt8>) {
        bytes.append(contentsOf: html)
    }

    package mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends `text` escaped for HTML text and double-quoted attributes (see `HTMLEscaping`).
    package mutating func appendEscaped(_ text: String, apostrophe: Bool = false) {
        HTMLEscaping.append(text, to: &bytes, apostrophe: apostrophe)
    }

    /// Appends UTF-8 bytes escaped for HTML text and double-quoted attributes.
    package mutating func appendEscaped(bytes text: ArraySlice<UInt8>, apostrophe: Bool = false) {
        HTMLEscaping.append(bytes: text, to: &bytes, apostrophe: apostrophe)
    }

    package mutating func appendDecimal(_ number: Int) {
        if number >= 0 && number < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(number))
        } else {
            append(String(number))
        }
    }

    package var isEmpty: Bool { bytes.isEmpty }

    package func hasSuffix(_ suffix: String) -> Bool {
        let tail = Array(suffix.utf8)
        return bytes.count >= tail.count && bytes[(bytes.count - tail.count)...].elementsEqual(tail)
    }

    /// Removes the last `count` bytes (callers remove whole ASCII markup they wrote).
    package mutating func removeLast(_ count: Int) {
        bytes.removeLast(count)
    }

    /// The HTML as a string (the bytes are valid UTF-8: only whole strings are appended).
    package var string: String { String(decoding: bytes, as: UTF8.self) }

    package var text: HTMLText { HTMLText(bytes: bytes) }

    package mutating func append(_ html: HTMLText) {
        bytes.append(contentsOf: html.bytes)
    }
}

/// Finished HTML as UTF-8 bytes: an article's body, a page's content. Templates insert it as
/// it is (`{{{article.body}}}`), so it never becomes a `String`, which would check every byte again.
public struct HTMLText: Sendable, Equatable {
    public var bytes: [UInt8]

    public init(bytes: [UInt8] = []) {
        self.bytes = bytes
    }

    public init(_ string: String) {
        bytes = Array(string.utf8)
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }
    public var isEmpty: Bool { bytes.isEmpty }

    /// A copy in storage of exactly its size (`Array(bytes)`, and `Array(bytes[...])` too,
    /// would share the grown buffer).
    package func compacted() -> HTMLText {
        var exact: [UInt8] = []
        exact.reserveCapacity(bytes.count)
        exact.append(contentsOf: bytes)
        return HTMLText(bytes: exact)
    }
}
