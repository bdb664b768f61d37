import HelpCenterCalendar

/// A translation's first version, as `helpcenter new translation` writes it beside its source
/// (`article.fr.md`): the source's front matter with today's `updated:` and `translation_of:`
/// set to the source's current hash, then the source's body, to be translated in place.
public struct TranslationScaffold: Sendable, Equatable {
    /// Content-relative path of the translation (`collection/article.fr.md`).
    public var path: String
    public var text: String

    /// `sourcePath` is content-relative (`collection/article.md` or `collection/_index.md`).
    public init(sourcePath: String, sourceText: String, key: String, updated: CalendarDate) {
        path = String(sourcePath.dropLast(3)) + ".\(key).md"
        let split = FrontMatterSplitter.split(sourceText)
        let hash = SourceVersion.bodyHash(Substring(split.body))
        var lines = ["---"]
        var wroteUpdated = false
        for line in (split.yaml ?? "").split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("translation_of:") { continue }
            if line.hasPrefix("updated:") {
                lines.append("updated: \(updated.iso)")
                wroteUpdated = true
                continue
            }
            lines.append(String(line))
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        if !wroteUpdated && !sourcePath.hasSuffix("_index.md") { lines.append("updated: \(updated.iso)") }
        lines.append("translation_of: \(hash)  # the version of \(Self.lastSegment(sourcePath)) translated (its body's hash): update it with the translation")
        lines.append("---")
        text = lines.joined(separator: "\n") + "\n" + split.body
    }

    static func lastSegment(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
