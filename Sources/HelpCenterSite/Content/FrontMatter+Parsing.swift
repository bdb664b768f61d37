import Foundation
import HelpCenterCalendar
import HelpCenterDiagnostics
import HelpCenterTemplates
import HelpCenterYAML

extension ArticleFrontMatter {
    /// Reads an article's front matter. Returns nil (with an error) when there is none or it
    /// has no title; other problems are reported and the readable keys are kept. With `today`,
    /// an `updated:` date more than a day after it is a warning (`BuildOptions.today`).
    public static func parse(_ source: SplitSource, path: String, today: CalendarDate? = nil) -> (ArticleFrontMatter?, [Diagnostic]) {
        var reader = YAMLFieldReader(path: path, firstLine: source.yamlFirstLine, id: "front-matter")
        guard let fields = reader.frontMatterFields(source, known: knownKeys, what: "article front matter") else {
            return (nil, reader.diagnostics)
        }
        let title = reader.requiredTitle(fields, path: path)
        var matter = ArticleFrontMatter(title: title ?? "")
        matter.titleLocation = fields["title"]?.value.location
        matter.description = reader.plainText(fields["description"]?.value, key: "description")
        matter.author = reader.string(fields["author"]?.value, key: "author")
        matter.updated = reader.date(fields["updated"]?.value, key: "updated", today: today)
        matter.collection = reader.string(fields["collection"]?.value, key: "collection")
        matter.order = reader.int(fields["order"]?.value, key: "order")
        matter.tags = reader.strings(fields["tags"]?.value, key: "tags").map(\.value)
        if case .scalar(let text, _, let location)? = fields["tags"]?.value, text.contains(",") {
            // `tags: a, b` is one tag, "a, b" (session 24's writer trial).
            let items = text.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            reader.diagnostics.append(
                .warning(
                    "'tags' is the one tag '\(text)'; for \(items.count) tags write a list: tags: [\(items.joined(separator: ", "))]", at: location,
                    id: "front-matter"))
        }
        matter.draft = reader.bool(fields["draft"]?.value, key: "draft") ?? false
        matter.featured = reader.bool(fields["featured"]?.value, key: "featured") ?? false
        matter.aliases = reader.strings(fields["aliases"]?.value, key: "aliases")
        matter.rules = reader.strings(fields["rules"]?.value, key: "rules")
        matter.tableOfContentsDepth = reader.tableOfContentsDepth(fields["toc_depth"]?.value)
        matter.translationOf = reader.translationOf(fields["translation_of"]?.value)
        return (title == nil ? nil : matter, reader.diagnostics)
    }
}

extension CollectionFrontMatter {
    /// Reads the front matter of an `_index.md`.
    public static func parse(_ source: SplitSource, path: String) -> (CollectionFrontMatter?, [Diagnostic]) {
        var reader = YAMLFieldReader(path: path, firstLine: source.yamlFirstLine, id: "front-matter")
        guard let fields = reader.frontMatterFields(source, known: knownKeys, what: "collection front matter") else {
            return (nil, reader.diagnostics)
        }
        // Every field is read even without a title, so that all of the file's problems are
        // reported in one build, as an article's are (a missing title hid the others).
        let title = reader.requiredTitle(fields, path: path)
        var matter = CollectionFrontMatter(title: title ?? "")
        matter.description = reader.plainText(fields["description"]?.value, key: "description")
        matter.order = reader.int(fields["order"]?.value, key: "order")
        matter.translationOf = reader.translationOf(fields["translation_of"]?.value)
        return (title == nil ? nil : matter, reader.diagnostics)
    }
}

extension YAMLFieldReader {
    /// `translation_of`: the source's `updated` date (YYYY-MM-DD) or the hash of its body (12
    /// to 64 hexadecimal digits, as `helpcenter new translation` writes it). A value of neither
    /// form is an error here and still returned, so the translation's status says it names no
    /// version rather than that the field is missing (session 23's translator trial).
    mutating func translationOf(_ node: YAMLValue?) -> LocatedValue<String>? {
        guard let node, let text = string(node, key: "translation_of") else { return nil }
        if SourceVersion(text) == nil {
            diagnostics.append(
                .error(
                    "'translation_of' must be the source's 'updated' date (YYYY-MM-DD) or the hash 'helpcenter new translation' wrote (12 hexadecimal digits), found '\(text)'",
                    at: node.location, id: "front-matter"))
        }
        return LocatedValue(text, at: node.location)
    }

    /// `toc_depth`: 2 or 3; another number is an error at its place (and the default is used).
    mutating func tableOfContentsDepth(_ node: YAMLValue?) -> Int? {
        guard let node, let depth = int(node, key: "toc_depth") else { return nil }
        guard ArticleFrontMatter.tableOfContentsDepths.contains(depth) else {
            diagnostics.append(
                .error(
                    "'toc_depth' must be 2 (sections) or 3 (sections and their subsections), found \(depth)", at: node.location,
                    id: "front-matter"))
            return nil
        }
        return depth
    }

    fileprivate mutating func frontMatterFields(
        _ source: SplitSource, known: [String], what: String
    ) -> [String: YAMLEntry]? {
        guard let yaml = source.yaml else {
            diagnostics.append(
                .error(
                    "missing front matter: the file must start with a '---' line, YAML with at least a title, and a closing '---'",
                    at: SourceLocation(path: path, line: 1, column: 1), id: "front-matter"))
            return nil
        }
        if source.unterminated {
            diagnostics.append(
                .error(
                    "front matter is not closed: add a '---' line after the YAML",
                    at: SourceLocation(path: path, line: 1, column: 1), id: "front-matter"))
            return nil
        }
        let root = compose(yaml, what: what, limits: .frontMatter)
        if root == nil, diagnostics.hasErrors { return nil }
        return fields(of: root, known: known, what: what)
    }

    fileprivate mutating func requiredTitle(_ fields: [String: YAMLEntry], path: String) -> String? {
        guard let field = fields["title"] else {
            diagnostics.append(
                .error(
                    "missing required key 'title' in front matter", at: SourceLocation(path: path, line: 1, column: 1), id: "front-matter"))
            return nil
        }
        guard let title = plainText(field.value, key: "title")?.trimmingWhitespace(newlines: true), !title.isEmpty else {
            if !diagnostics.hasErrors || fields["title"] != nil {
                diagnostics.append(.error("'title' must not be empty", at: field.value.location, id: "front-matter"))
            }
            return nil
        }
        return title
    }
}
