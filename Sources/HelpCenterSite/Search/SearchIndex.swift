/// The search index the build writes as `assets/search-index.js`: one compact entry per article,
/// loaded by the search box on demand, and usable from `file://` (a script, not a fetched JSON file).
struct SearchIndex: Sendable {
    struct Entry: Sendable {
        var title: String
        var path: String
        var collection: String
        var description: String
        var headings: [String]
        var tags: [String]
        var keywords: String
    }

    var entries: [Entry]

    /// `window.HelpCenterSearchIndex = {"fields": [...], "articles": [[…], …]};`, deterministic.
    func javaScript() -> String {
        var output = "window.HelpCenterSearchIndex = {\"version\":1,\"fields\":[\"title\",\"path\",\"collection\",\"description\",\"headings\",\"tags\",\"keywords\"],\"articles\":[\n"
        for (position, entry) in entries.enumerated() {
            output += "["
            let fields = [entry.title, entry.path, entry.collection, entry.description,
                          entry.headings.joined(separator: "\n"), entry.tags.joined(separator: " "), entry.keywords]
            for (index, field) in fields.enumerated() {
                if index > 0 { output += "," }
                Self.appendJSONString(field, to: &output)
            }
            output += position + 1 < entries.count ? "],\n" : "]\n"
        }
        output += "]};\n"
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
