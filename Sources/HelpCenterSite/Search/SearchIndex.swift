import Foundation

/// The search index the build writes as `assets/search-index.js`: one compact entry per article,
/// loaded by the search box on demand, and usable from `file://` (a script, not a fetched JSON file).
struct SearchIndex: Sendable {
    /// One article's row, encoded when the article is read (in parallel, once), except for
    /// its collection's title, which is known only once the whole site is read.
    struct Row: Sendable, Equatable {
        /// `"title","path"`
        var head: String
        /// `"description","headings","tags","keywords"`
        var tail: String

        init(title: String, path: String, description: String, headings: [String], tags: [String], keywords: String) {
            var head = ""
            SearchIndex.appendJSONString(title, to: &head)
            head += ","
            SearchIndex.appendJSONString(path, to: &head)
            var tail = ""
            for (index, field) in [description, headings.joined(separator: "\n"), tags.joined(separator: " "), keywords].enumerated() {
                if index > 0 { tail += "," }
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
        output.append(contentsOf: "window.HelpCenterSearchIndex = {\"version\":1,\"fields\":[\"title\",\"path\",\"collection\",\"description\",\"headings\",\"tags\",\"keywords\"],\"articles\":[\n".utf8)
        output.reserveCapacity(rows.reduce(256) { $0 + $1.row.head.utf8.count + $1.row.tail.utf8.count + 64 })
        var collectionJSON: [String: String] = [:]
        for (position, entry) in rows.enumerated() {
            let collection = collectionJSON[entry.collection] ?? {
                var json = ""
                SearchIndex.appendJSONString(entry.collection, to: &json)
                collectionJSON[entry.collection] = json
                return json
            }()
            output.append(UInt8(ascii: "["))
            output.append(contentsOf: entry.row.head.utf8)
            output.append(UInt8(ascii: ","))
            output.append(contentsOf: collection.utf8)
            output.append(UInt8(ascii: ","))
            output.append(contentsOf: entry.row.tail.utf8)
            output.append(contentsOf: (position + 1 < rows.count ? "],\n" : "]\n").utf8)
        }
        output.append(contentsOf: "]};\n".utf8)
        return output
    }

    /// A JSON string literal; `<`, `>` and `&` are escaped too, so the text can never end the script.
    static func appendJSONString(_ text: String, to output: inout String) {
        output += "\""
        let plain = text.utf8.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "&") && $0 != 0xE2 }
        if plain {
            output += text
            output += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<": output += "\\u003c"
            case ">": output += "\\u003e"
            case "&": output += "\\u0026"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
