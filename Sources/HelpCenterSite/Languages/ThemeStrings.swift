import HelpCenterDiagnostics
import HelpCenterTemplates

/// The theme's own words in one language (`templates/strings/<key>.yaml`): the buttons,
/// labels and headings of the templates and the messages of the scripts in `templates/assets/`,
/// which write `{{t.key}}` where a word goes (docs/languages.md). The words are put in when
/// the templates are loaded, one set of templates per language, so rendering is unchanged.
public struct ThemeStrings: Sendable, Equatable {
    /// `templates/strings/fr.yaml`, as diagnostics print it.
    public var displayPath: String
    public var values: [String: String]
    /// Where each key is written, for diagnostics about it.
    public var locations: [String: SourceLocation]

    public init(displayPath: String, values: [String: String], locations: [String: SourceLocation] = [:]) {
        self.displayPath = displayPath
        self.values = values
        self.locations = locations
    }

    /// The folder of the strings files, inside the templates folder.
    public static let folder = "strings/"

    /// Reads a strings file: a mapping of keys (letters, digits, `_`) to text.
    static func parse(_ yaml: String, displayPath: String) -> (ThemeStrings, [Diagnostic]) {
        var reader = YAMLFieldReader(path: displayPath, firstLine: 1, id: "theme-strings")
        var strings = ThemeStrings(displayPath: displayPath, values: [:])
        guard let root = reader.compose(yaml, what: "the theme's strings", limits: .siteConfiguration) else { return (strings, reader.diagnostics) }
        guard case .mapping(let entries, _) = root else {
            reader.diagnostics.append(
                .error("the theme's strings must be a mapping of keys to text, e.g. search_button: Search", at: root.location, id: "theme-strings"))
            return (strings, reader.diagnostics)
        }
        for entry in entries {
            guard let key = entry.key.scalarText, !key.isEmpty, key.utf8.allSatisfy(Self.isKeyByte) else {
                reader.diagnostics.append(
                    .error(
                        "a theme string's key must be letters, digits and '_', found '\(entry.key.scalarText ?? "")'", at: entry.key.location,
                        id: "theme-strings"))
                continue
            }
            guard case .scalar(let text, _, _) = entry.value else {
                reader.diagnostics.append(
                    .error("the theme string '\(key)' must be text, found \(entry.value.kindName)", at: entry.value.location, id: "theme-strings"))
                continue
            }
            if strings.values[key] != nil {
                reader.diagnostics.append(.error("the theme string '\(key)' is given twice", at: entry.key.location, id: "theme-strings"))
            }
            strings.values[key] = reader.withoutControls(text, key: key, at: entry.value.location, id: "theme-strings")
            strings.locations[key] = entry.key.location
        }
        return (strings, reader.diagnostics)
    }

    static func isKeyByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == 95
    }

    /// How a word is written into the file that uses it.
    enum Escaping {
        /// Into a template: HTML-escaped, except the `{{name}}` tags a string may hold (a value
        /// of the page, such as `{{collectionCount}}`, checked like any other tag).
        case html
        /// Into a script, inside a string literal: backslash escapes, `<` as `\u003c`.
        case javaScript
    }

    /// `text` with every `{{t.key}}` replaced by its word; a key this file lacks is an error at
    /// the tag, naming the file and the key.
    func substitute(_ text: String, displayPath: String, escaping: Escaping) -> (String, [Diagnostic]) {
        guard text.contains("{{t.") else { return (text, []) }
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var diagnostics: [Diagnostic] = []
        var rest = text[...]
        var line = 1
        var column = 1
        func advance(over consumed: Substring) {
            for character in consumed {
                if character == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
        }
        while let start = rest.range(of: "{{t.") {
            let before = rest[..<start.lowerBound]
            output += before
            advance(over: before)
            guard let end = rest[start.upperBound...].range(of: "}}") else {
                output += rest
                rest = rest[rest.endIndex...]
                break
            }
            let key = String(rest[start.upperBound..<end.lowerBound]).trimmingWhitespace(newlines: false)
            let tag = rest[start.lowerBound..<end.upperBound]
            if let value = values[key] {
                output += Self.escape(value, escaping)
            } else {
                diagnostics.append(
                    .error(
                        "the theme string '\(key)' is missing from \(self.displayPath); add it there (\(key): …)",
                        at: SourceLocation(path: displayPath, line: line, column: column), id: "theme-strings"))
            }
            advance(over: tag)
            rest = rest[end.upperBound...]
        }
        output += rest
        return (output, diagnostics)
    }

    /// The keys `text` uses (`{{t.key}}`).
    static func keys(in text: String) -> Set<String> {
        var keys: Set<String> = []
        var rest = text[...]
        while let start = rest.range(of: "{{t."), let end = rest[start.upperBound...].range(of: "}}") {
            keys.insert(String(rest[start.upperBound..<end.lowerBound]).trimmingWhitespace(newlines: false))
            rest = rest[end.upperBound...]
        }
        return keys
    }

    static func escape(_ value: String, _ escaping: Escaping) -> String {
        switch escaping {
        case .html:
            // `{{name}}` tags pass through; the text between them is escaped.
            var output = ""
            var rest = value[...]
            while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
                HTMLEscaping.append(String(rest[..<open.lowerBound]), to: &output)
                output += rest[open.lowerBound..<close.upperBound]
                rest = rest[close.upperBound...]
            }
            HTMLEscaping.append(String(rest), to: &output)
            return output
        case .javaScript:
            var output = ""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\\": output += "\\\\"
                case "\"": output += "\\\""
                case "'": output += "\\'"
                case "\n": output += "\\n"
                case "\r": output += "\\r"
                case "<": output += "\\u003c"
                case "\u{2028}": output += "\\u2028"
                case "\u{2029}": output += "\\u2029"
                default: output.unicodeScalars.append(scalar)
                }
            }
            return output
        }
    }

    /// A word for the Swift side of the pages (titles the builder writes), with `{{name}}`
    /// placeholders filled in; nil when the file lacks it.
    public func text(_ key: String, _ arguments: [String: String] = [:]) -> String? {
        values[key].map { Self.fill($0, arguments) }
    }

    /// `template` with each `{{name}}` that `arguments` names replaced, in one pass from the
    /// start: what an argument brings in is not read again. (Replacing one name after another,
    /// in the dictionary's order, let a collection titled `{{page}} {{pages}}` come out
    /// differently from one build to the next.) A name is what lies between `{{` and the next
    /// `}}`: `{{{page}}}` names `{page` and is left as written.
    static func fill(_ template: String, _ arguments: [String: String]) -> String {
        guard !arguments.isEmpty else { return template }
        var filled = ""
        var rest = template[...]
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            let name = String(rest[open.upperBound..<close.lowerBound])
            if let argument = arguments[name] {
                filled += rest[..<open.lowerBound]
                filled += argument
                rest = rest[close.upperBound...]
            } else {
                filled += rest[..<open.upperBound]
                rest = rest[open.upperBound...]
            }
        }
        return filled + rest
    }

    /// Keys of the default language's file that this one lacks (errors at this file) and keys
    /// it has that the default's lacks (warnings: unused words).
    func compare(with reference: ThemeStrings) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let missing = reference.values.keys.filter { values[$0] == nil }.sorted()
        if !missing.isEmpty {
            diagnostics.append(
                .error(
                    "\(displayPath) lacks \(missing.count == 1 ? "the key" : "\(missing.count) keys") of \(reference.displayPath): \(missing.joined(separator: ", "))",
                    at: SourceLocation(path: displayPath), id: "theme-strings"))
        }
        for key in values.keys.sorted() where reference.values[key] == nil {
            // A misspelt key is both missing and unused: the pair is named, so the two
            // messages (and the templates' errors about the missing one) lead to one fix.
            let hint = EditDistance.closest(to: key, in: missing).map { " (did you mean '\($0)', which this file lacks?)" } ?? ""
            diagnostics.append(
                .warning(
                    "the theme string '\(key)' is not in \(reference.displayPath), the default language's file; it is not used\(hint)",
                    at: locations[key] ?? SourceLocation(path: displayPath), id: "theme-strings"))
        }
        return diagnostics
    }
}
