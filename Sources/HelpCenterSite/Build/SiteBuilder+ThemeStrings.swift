import Foundation
import HelpCenterDiagnostics

/// The theme's words in the language being built (docs/languages.md).
extension SiteBuilder {
    /// The key of the language being built (its strings file is `strings/<key>.yaml`).
    var themeStringsKey: String { edition?.language.key ?? configuration.languages.primary.key }

    /// Reads the theme's words in the language this builder builds (`themeStrings`), and the
    /// words the body renderer writes from them (`bodyWords`).
    mutating func loadWords(_ templateFiles: [String]) throws {
        themeStrings = try loadThemeStrings(templateFiles).0
        bodyWords = BodyWords(themeStrings)
    }

    /// This language's strings file, checked against the default language's (every key of that
    /// one must be here); nil when the templates folder has none for it.
    func loadThemeStrings(_ files: [String]) throws -> (ThemeStrings?, [Diagnostic]) {
        let key = themeStringsKey
        let primaryKey = configuration.languages.primary.key
        guard let (strings, diagnostics) = try readThemeStrings(key, files: files) else {
            // A theme with strings for other languages must have them for this one.
            let others = files.filter { $0.hasPrefix(ThemeStrings.folder) && $0.hasSuffix(".yaml") }
            guard !others.isEmpty, configuration.languages.isMultilingual else { return (nil, []) }
            return (
                nil,
                [
                    .error(
                        "the theme has no words for the language '\(key)' (\(configuration.language)): add \(templates.displayPath(ThemeStrings.folder + key + ".yaml")), a copy of \(templates.displayPath(ThemeStrings.folder + primaryKey + ".yaml")) translated",
                        at: SourceLocation(path: templates.displayPath(ThemeStrings.folder)), id: "theme-strings")
                ]
            )
        }
        // A file that does not parse (no words, and errors) is reported by its own errors: as no
        // strings, not as strings lacking every key, which the templates' {{t.…}} then reported
        // one by one (about 80 errors, the one that matters among them).
        if strings.values.isEmpty && diagnostics.hasErrors { return (nil, diagnostics) }
        guard key != primaryKey, let (reference, _) = try readThemeStrings(primaryKey, files: files) else {
            return (strings, diagnostics)
        }
        return (strings, diagnostics + strings.compare(with: reference))
    }

    private func readThemeStrings(_ key: String, files: [String]) throws -> (ThemeStrings, [Diagnostic])? {
        let path = ThemeStrings.folder + key + ".yaml"
        guard files.contains(path) else { return nil }
        let displayPath = templates.displayPath(path)
        guard let text = String(validating: try templates.read(path), as: UTF8.self) else {
            return (
                ThemeStrings(displayPath: displayPath, values: [:]),
                [.error("the file is not valid UTF-8 text", at: SourceLocation(path: displayPath), id: "theme-strings")]
            )
        }
        return ThemeStrings.parse(text, displayPath: displayPath)
    }

    /// An asset's bytes as the site publishes them: a script with `{{t.key}}` gets this
    /// language's words; every other file is copied as it is.
    func readAsset(_ path: String) throws -> Data {
        let data = try templates.read(path)
        guard path.hasSuffix(".js") else { return data }
        let text = String(decoding: data, as: UTF8.self)
        guard text.contains("{{t."),
            let (strings, _) = (try? readThemeStrings(themeStringsKey, files: [ThemeStrings.folder + themeStringsKey + ".yaml"])) ?? nil
        else { return data }
        return Data(strings.substitute(text, displayPath: templates.displayPath(path), escaping: .javaScript).0.utf8)
    }
}
