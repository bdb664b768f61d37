import Foundation

/// The search index the build writes as `assets/search-index.js`: one compact entry per article,
/// loaded by the search box on demand, and usable from `file://` (a script, not a fetched JSON file).
struct SearchIndex: Sendable {
    /// One article's row, encoded when the article is read (in parallel, once), except for
    /// its collection's title, which is known only once the whole site is read.
    struct Row: Sendable, Equatable {
        /// `"title","path"`, as UTF-8 bytes (the index is written as bytes).
        var head: [UInt8]
        /// `"description","headings","tags","keywords"`
        var tail: [UInt8]

        init(title: String, path: String, description: String, headings: [String], tags: [String], keywords: String) {
            var head: [UInt8] = []
            SearchIndex.appendJSONString(title, to: &head)
            head.append(UInt8(ascii: ","))
            SearchIndex.appendJSONString(path, to: &head)
            var tail: [UInt8] = []
            tail.reserveCapacity(description.utf8.count + keywords.utf8.count + 256)
            for (index, field) in [description, headings.joined(separator: "\n"), tags.joined(separator: " "), keywords].enumerated() {
                if index > 0 { tail.append(UInt8(ascii: ",")) }
                SearchIndex.appendJSONString(field, to: &tail)
            }
            self.head = head
            self.tail = tail
        }
    }

    /// Rows with their collection's title, in site order.
    var rows: [(row: Row, collection: String)]

    /// `window.HelpCenterSearchIndex = {"fields": [...], "articles": [[…], …]};`, deterministic.
    func javaScript() -> Data {
        var output = Data()
        output.append(
            contentsOf:
                "window.HelpCenterSearchIndex = {\"version\":1,\"fields\":[\"title\",\"path\",\"collection\",\"description\",\"headings\",\"tags\",\"keywords\"],\"articles\":[\n"
                .utf8)
        output.reserveCapacity(rows.reduce(256) { $0 + $1.row.head.count + $1.row.tail.count + 64 })
        var collectionJSON: [String: [UInt8]] = [:]
        for (position, entry) in rows.enumerated() {
            let collection =
                collectionJSON[entry.collection]
                ?? {
                    var json: [UInt8] = []
                    SearchIndex.appendJSONString(entry.collection, to: &json)
                    collectionJSON[entry.collection] = json
                    return json
                }()
            output.append(UInt8(ascii: "["))
            output.append(contentsOf: entry.row.head)
            output.append(UInt8(ascii: ","))
            output.append(contentsOf: collection)
            output.append(UInt8(ascii: ","))
            output.append(contentsOf: entry.row.tail)
            output.append(contentsOf: (position + 1 < rows.count ? "],\n" : "]\n").utf8)
        }
        output.append(contentsOf: "]};\n".utf8)
        return output
    }

    /// A JSON string literal; `<`, `>` and `&` are escaped too, so the text can never end the
    /// script, and so are U+2028 and U+2029. Works on bytes, copying the runs between the
    /// characters that need escaping.
    static func appendJSONString(_ text: String, to output: inout String) {
        var json: [UInt8] = []
        appendJSONString(text, to: &json)
        output += String(decoding: json, as: UTF8.self)
    }

    /// The same literal, appended to UTF-8 bytes.
    static func appendJSONString(_ text: String, to json: inout [UInt8]) {
        if json.isEmpty { json.reserveCapacity(text.utf8.count + 2) }
        json.append(UInt8(ascii: "\""))
        do {
            // A copy of the bytes, so that runs between escapes are appended whole.
            let bytes = Array(text.utf8)
            var runStart = 0
            var index = 0
            func flush(to end: Int) {
                if runStart < end { json.append(contentsOf: bytes[runStart..<end]) }
            }
            func escape(_ replacement: String, skipping count: Int) {
                flush(to: index)
                json.append(contentsOf: replacement.utf8)
                index += count
                runStart = index
            }
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""): escape("\\\"", skipping: 1)
                case UInt8(ascii: "\\"): escape("\\\\", skipping: 1)
                case UInt8(ascii: "\n"): escape("\\n", skipping: 1)
                case UInt8(ascii: "\r"): escape("\\r", skipping: 1)
                case UInt8(ascii: "\t"): escape("\\t", skipping: 1)
                case UInt8(ascii: "<"): escape("\\u003c", skipping: 1)
                case UInt8(ascii: ">"): escape("\\u003e", skipping: 1)
                case UInt8(ascii: "&"): escape("\\u0026", skipping: 1)
                case 0x00..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    escape("\\u00" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]], as: UTF8.self), skipping: 1)
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", skipping: 3)
                default:
                    index += 1
                }
            }
            flush(to: bytes.count)
        }
        json.append(UInt8(ascii: "\""))
    }
}
