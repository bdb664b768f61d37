import HelpCenterCalendar
import HelpCenterDiagnostics
import HelpCenterMarkdown

/// The rules one article cites — in its front matter (`rules:`) and with `> [!RULE] id`
/// callouts — with where, for the checker's coverage report. Reads one file's text; no I/O.
public struct ArticleCitations: Sendable, Equatable {
    public var title: String
    public var updated: CalendarDate?
    public var rules: [LocatedValue<String>]

    /// Nil when the file has no usable front matter (the build reports why).
    public static func find(in source: String, displayPath: String) -> ArticleCitations? {
        let split = FrontMatterSplitter.split(source)
        guard let matter = ArticleFrontMatter.parse(split, path: displayPath).0, !matter.draft else { return nil }
        var rules = matter.rules
        // A body over the Markdown limits cites nothing here; the build reports it.
        if split.body.contains("[!RULE]"), let document = try? MarkdownParser.parse(split.body, options: .site) {
            collect(document, into: &rules, path: displayPath, firstLine: split.bodyFirstLine)
        }
        return ArticleCitations(title: matter.title, updated: matter.updated, rules: rules)
    }

    private static func collect(_ node: MarkdownNode, into rules: inout [LocatedValue<String>], path: String, firstLine: Int) {
        if case .blockQuote = node.kind, let match = CalloutMatch(node), case .rule(let id) = match.kind {
            rules.append(LocatedValue(id, at: SourceLocation(path: path, line: firstLine - 1 + node.line, column: node.column)))
        }
        for child in node.children { collect(child, into: &rules, path: path, firstLine: firstLine) }
    }
}
