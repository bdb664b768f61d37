import HelpCenterCalendar

/// A translation's first version, as `helpcenter new translation` writes it beside its source
/// (`article.fr.md`): the source's front matter with today's `updated:` and `translation_of:`
/// set to the source's current hash, then the source's body, to be translated in place. An
/// article's translation is written as a draft (`draft: true`): until it is translated, its
/// labels (`[[…]]`) and links to headings name the source language's, which its own language's
/// build would refuse, and the page falls back to its source meanwhile.
public struct TranslationScaffold: Sendable, Equatable {
    /// Content-relative path of the translation (`collection/article.fr.md`).
    public var path: String
    public var text: String
    /// Whether it is written as a draft (an article's translation; a collection's has no drafts).
    public var isDraft: Bool

    /// `sourcePath` is content-relative (`collection/article.md` or `collection/_index.md`).
    public init(sourcePath: String, sourceText: String, key: String, updated: CalendarDate) {
        path = Self.path(of: sourcePath, key: key)
        let split = FrontMatterSplitter.split(sourceText)
        let hash = SourceVersion.bodyHash(Substring(split.body))
        var lines = ["---"]
        var wroteUpdated = false
        let isArticle = !sourcePath.hasSuffix("_index.md")
        isDraft = isArticle
        for line in (split.yaml ?? "").split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("translation_of:") { continue }
            if isArticle && line.hasPrefix("draft:") { continue }
            if line.hasPrefix("updated:") {
                lines.append("updated: \(updated.iso)")
                wroteUpdated = true
                continue
            }
            lines.append(String(line))
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        if !wroteUpdated && isArticle { lines.append("updated: \(updated.iso)") }
        if isArticle { lines.append("draft: true  # until it is translated: remove this line to publish it") }
        lines.append(
            "translation_of: \(hash)  # the version of \(ContentPath.lastSegment(sourcePath)) translated (its body's hash): update it with the translation")
        lines.append("---")
        text = lines.joined(separator: "\n") + "\n" + split.body
    }

    /// The translation's file beside its source: `a/b.md` → `a/b.fr.md` (any form of the
    /// source's path: content-relative, as given on the command line).
    public static func path(of source: String, key: String) -> String {
        String(source.dropLast(3)) + ".\(key).md"
    }
}
