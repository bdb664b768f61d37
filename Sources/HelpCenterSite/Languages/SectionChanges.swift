/// Which sections of a Markdown body changed between two versions, by heading: what a
/// translator must look at when the source moved on (docs/languages.md).
public enum SectionChanges {
    /// The headings (`##`…`######`, ATX form) of the sections whose text differs, was added or
    /// was removed, in the new version's order (removed ones after, marked "(removed)"); the
    /// text before the first heading is "(introduction)". Fenced code is not taken for headings.
    public static func changed(from old: String, to new: String) -> [String] {
        let before = sections(of: old)
        let after = sections(of: new)
        let oldByHeading = Dictionary(before.map { ($0.heading, $0.text) }, uniquingKeysWith: { first, _ in first })
        let newHeadings = Set(after.map(\.heading))
        var changed: [String] = []
        for section in after where oldByHeading[section.heading] != section.text { changed.append(section.heading) }
        for section in before where !newHeadings.contains(section.heading) { changed.append(section.heading + " (removed)") }
        return changed
    }

    static func sections(of body: String) -> [(heading: String, text: String)] {
        var sections: [(heading: String, text: String)] = [("(introduction)", "")]
        var fence: Substring?
        for rawLine in body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.drop { $0 == " " }
            if let open = fence {
                if line.hasPrefix(open) { fence = nil }
            } else if line.hasPrefix("```") || line.hasPrefix("~~~") {
                fence = line.prefix(3)
            } else if line.hasPrefix("##"), let heading = headingText(line) {
                sections.append((heading, ""))
                continue
            }
            sections[sections.count - 1].text += rawLine.trimmingTrailingSpaces() + "\n"
        }
        return sections.map { ($0.heading, $0.text.trimmingCharacters()) }.filter { $0.heading != "(introduction)" || !$0.text.isEmpty }
    }

    private static func headingText(_ line: Substring) -> String? {
        let hashes = line.prefix { $0 == "#" }
        guard (2...6).contains(hashes.count) else { return nil }
        let rest = line.dropFirst(hashes.count)
        guard rest.first == " " else { return nil }
        var text = rest.trimmingCharacters()
        while text.hasSuffix("#") { text.removeLast() }
        return text.trimmingCharacters()
    }
}

extension StringProtocol {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = String(self)
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }

    fileprivate func trimmingCharacters() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
