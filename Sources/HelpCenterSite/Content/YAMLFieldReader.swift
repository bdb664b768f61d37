import Foundation
import HelpCenterCalendar
import HelpCenterDiagnostics
import HelpCenterTemplates
import HelpCenterYAML

/// Reads typed values out of a YAML mapping, collecting a diagnostic with the node's file
/// position for every value of the wrong type, every missing required key and every unknown key.
struct YAMLFieldReader {
    let path: String
    /// The file line on which the YAML text starts (front matter starts on line 2).
    let firstLine: Int
    /// The id of the findings about this file's values (`front-matter`, `config`,
    /// `theme-strings`), so that every one of them can be looked up and filtered by id.
    let id: String
    var diagnostics: [Diagnostic] = []

    init(path: String, firstLine: Int, id: String) {
        self.path = path
        self.firstLine = firstLine
        self.id = id
    }

    /// Parses YAML text (simple front matter directly, anything else through `GuardedYAML`,
    /// the checks every YAML text of the program goes through), or records the problem at
    /// its position.
    mutating func compose(_ yaml: String, what: String, limits: YAMLInputLimits) -> YAMLValue? {
        // The simple reader has no aliases, nesting or keys to guard; only the size applies.
        if yaml.utf8.count <= limits.maximumSize, let simple = SimpleYAMLReader.read(yaml, path: path, firstLine: firstLine) {
            return simple
        }
        do throws(YAMLInputProblem) {
            return try YAMLValue.parseWithYams(yaml, path: path, firstLine: firstLine, limits: limits)
        } catch {
            let location = error.location(in: path, firstLine: firstLine)
            let message =
                error.message.hasPrefix("invalid YAML: ")
                ? "invalid YAML in \(what): " + error.message.dropFirst("invalid YAML: ".count)
                : "\(what): \(error.message)"
            diagnostics.append(.error(message, at: location, id: "yaml"))
        }
        return nil
    }

    /// The mapping's fields by key. Unknown keys are warnings; a non-mapping is an error.
    mutating func fields(of root: YAMLValue?, known: [String], what: String) -> [String: YAMLEntry] {
        guard let root else { return [:] }
        guard case .mapping(let entries, _) = root else {
            diagnostics.append(.error("\(what) must be a mapping of keys to values, found \(root.kindName)", at: root.location, id: id))
            return [:]
        }
        var result: [String: YAMLEntry] = [:]
        for entry in entries {
            guard let name = entry.key.scalarText else {
                diagnostics.append(.error("\(what) keys must be plain names", at: entry.key.location, id: id))
                continue
            }
            if result[name] != nil {
                diagnostics.append(.error("duplicate key '\(name)' in \(what)", at: entry.key.location, id: id))
                continue
            }
            if !known.contains(name) {
                let hint = Self.closest(to: name, in: known).map { " (did you mean '\($0)'?)" } ?? ""
                diagnostics.append(
                    .warning(
                        "unknown key '\(name)' in \(what)\(hint); known keys: \(known.joined(separator: ", "))",
                        at: entry.key.location, id: "unknown-key"))
            }
            result[name] = entry
        }
        return result
    }

    /// A string value; numbers and booleans are taken as written. Null counts as absent.
    mutating func string(_ node: YAMLValue?, key: String) -> String? {
        guard let node, !node.isNull else { return nil }
        guard let text = node.scalarText else {
            diagnostics.append(.error("'\(key)' must be text, found \(node.kindName)", at: node.location, id: id))
            return nil
        }
        return withoutControls(text, key: key, at: node.location)
    }

    /// A title's or description's text, with a warning when it holds Markdown or a `[[label]]`:
    /// front matter is plain text, and the marks were published as written, in the page's lead,
    /// its `<title>` and the collection's list (session 24's writer trial).
    mutating func plainText(_ node: YAMLValue?, key: String) -> String? {
        guard let text = string(node, key: key), let node else { return nil }
        if let advice = Self.markdownAdvice(text) {
            diagnostics.append(.warning("'\(key)' is plain text, shown as written: \(advice)", at: node.location, id: "front-matter-markdown"))
        }
        return text
    }

    /// What a reader would see of Markdown in plain text, or nil. One pass over the bytes: this
    /// runs for every title and description (with `String.contains`, Foundation's search was
    /// 1.5 % of a 10,000-article build's samples, and the first pass took twice as long).
    static func markdownAdvice(_ text: String) -> String? {
        var previous: UInt8 = 0
        var label = false
        var labelClosed = false
        var opened = false
        var linkClosed = false
        var stars = 0
        var backticks = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "["):
                opened = true
                if previous == byte { label = true }
            case UInt8(ascii: "]"):
                if previous == byte && label { labelClosed = true }
            case UInt8(ascii: "("):
                if previous == UInt8(ascii: "]") && opened { linkClosed = true }
            case UInt8(ascii: "*"):
                // `**` twice: a bold pair (`__` is left alone: `snake__case`, `__init__`).
                if previous == byte {
                    stars += 1
                    previous = 0
                    continue
                }
            case UInt8(ascii: "`"):
                backticks += 1
            default:
                break
            }
            previous = byte
        }
        if labelClosed { return "readers would see the brackets around the [[label]]; write the label's words" }
        if linkClosed { return "readers would see the link's [text](address) marks; name the article in words (the body can link to it)" }
        if stars >= 2 { return "readers would see the ** marks; leave them out" }
        if backticks >= 2 { return "readers would see the ` marks; leave them out" }
        return nil
    }

    /// The text without control characters (other than tab and line breaks), with an error for
    /// those it had. libyaml refuses most of them written as they are, but a double-quoted
    /// escape (`"\e[31m"`, `"\x9b"`) makes them, and a C1 character written as it is passes
    /// the simple reader: a title's escape sequence then reached every page, and the terminal of
    /// whoever read `helpcenter feedback report`.
    mutating func withoutControls(_ text: String, key: String, at location: SourceLocation, id: String? = nil) -> String {
        func isControl(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.generalCategory == .control && scalar != "\t" && scalar != "\n" && scalar != "\r"
        }
        // Most values are plain text: only a byte below space, DEL or a C1 lead byte looks further.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }), let first = text.unicodeScalars.first(where: isControl) else {
            return text
        }
        diagnostics.append(Diagnostic(.error, "'\(key)' contains the control character \(Diagnostic.codePoint(first)); remove it", at: location, id: id))
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !isControl($0) }))
    }

    mutating func int(_ node: YAMLValue?, key: String) -> Int? {
        guard let node, !node.isNull else { return nil }
        guard let text = node.scalarText, let value = Int(text.trimmingWhitespace()) else {
            diagnostics.append(.error("'\(key)' must be a whole number, found '\(Self.preview(node))'", at: node.location, id: id))
            return nil
        }
        return value
    }

    mutating func bool(_ node: YAMLValue?, key: String) -> Bool? {
        guard let node, !node.isNull else { return nil }
        switch node.scalarText?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            diagnostics.append(.error("'\(key)' must be true or false, found '\(Self.preview(node))'", at: node.location, id: id))
            return nil
        }
    }

    /// The date a writer most likely meant, for the error: a date in numbers in another order
    /// or without its zeros (`2026-12-7`, `2026/12/07`, `07.12.2026`), both readings when the
    /// day and month could be either (`12/07/2026`). Empty when none is a real date.
    static func dateHint(_ text: String) -> String {
        let fields = text.trimmingWhitespace().split { "-/. ".contains($0) }
        let parts = fields.compactMap { $0.count <= 4 ? Int($0) : nil }
        // Three numbers, one of them a year of four digits.
        guard parts.count == 3, fields.allSatisfy({ $0.allSatisfy(\.isASCII) }), parts.contains(where: { (1000...9999).contains($0) }) else { return "" }
        func iso(_ year: Int, _ month: Int, _ day: Int) -> String? { CalendarDate(year: year, month: month, day: day)?.iso }
        if parts[0] > 31 {
            guard let date = iso(parts[0], parts[1], parts[2]) else {
                return (1...12).contains(parts[1]) ? "; there is no day \(parts[2]) in that month" : "; there is no month \(parts[1])"
            }
            return date == text.trimmingWhitespace() ? "" : "; did you mean \(date)?"
        }
        guard parts[2] > 31 else { return "" }
        let dayFirst = iso(parts[2], parts[1], parts[0])
        let monthFirst = iso(parts[2], parts[0], parts[1])
        switch (dayFirst, monthFirst) {
        case (let day?, let month?) where day != month: return "; did you mean \(day) (day first) or \(month) (month first)?"
        case (let one?, _), (_, let one?): return "; did you mean \(one)?"
        default: return ""
        }
    }

    /// A date written `YYYY-MM-DD`. With `today`, one more than a day after it (a day, for the
    /// writer's time zone against the reader's) is kept with a warning that it is still to come.
    mutating func date(_ node: YAMLValue?, key: String, today: CalendarDate? = nil) -> CalendarDate? {
        guard let node, !node.isNull else { return nil }
        guard let text = node.scalarText, let date = CalendarDate(parsingDateTime: text.trimmingWhitespace()) else {
            diagnostics.append(
                .error(
                    "'\(key)' must be a date written YYYY-MM-DD, found '\(Self.preview(node))'\(node.scalarText.map(Self.dateHint) ?? "")",
                    at: node.location, id: "bad-date"))
            return nil
        }
        if let today, today.dayAfter < date {
            diagnostics.append(
                .warning(
                    "'\(key)' is \(date.iso), a day still to come (today is \(today.iso)): readers would see it as the date of the last change; write the day the article changed",
                    at: node.location, id: "bad-date"))
        }
        return date
    }

    /// A list of strings; a single string is taken as a list of one.
    mutating func strings(_ node: YAMLValue?, key: String) -> [LocatedValue<String>] {
        guard let node, !node.isNull else { return [] }
        switch node {
        case .scalar(let text, _, let location):
            return [LocatedValue(withoutControls(text, key: key, at: location), at: location)]
        case .sequence(let items, _):
            var values: [LocatedValue<String>] = []
            for item in items {
                if let text = item.scalarText {
                    values.append(LocatedValue(withoutControls(text, key: key, at: item.location), at: item.location))
                } else {
                    diagnostics.append(.error("each entry of '\(key)' must be text, found \(item.kindName)", at: item.location, id: id))
                }
            }
            return values
        default:
            diagnostics.append(.error("'\(key)' must be a list of text values, found \(node.kindName)", at: node.location, id: id))
            return []
        }
    }

    private static func preview(_ node: YAMLValue) -> String {
        let text = node.scalarText ?? node.kindName
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
    }

    /// The known key nearest to a misspelt one (edit distance at most 2).
    static func closest(to name: String, in candidates: [String]) -> String? {
        let wanted = Array(name.lowercased())
        let scored = candidates.map { ($0, EditDistance.between(wanted, Array($0), limit: 2)) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }
}
