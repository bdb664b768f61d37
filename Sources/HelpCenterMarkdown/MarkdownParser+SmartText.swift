extension MarkdownParser {
    /// Plain text (a rule's title or sentence, an example's words, from YAML) with the
    /// punctuation the articles' bodies get from libcmark-gfm's smart option: curly quotes and
    /// apostrophes, en and em dashes for `--` and `---`, an ellipsis for `...`. Rule callouts
    /// printed `can't` beside a body's `can’t` (session 24's writer trial). The library does
    /// it, so that plain text and bodies agree on every quote: the text is parsed as one
    /// paragraph, every other ASCII punctuation mark escaped so that none is read as Markdown,
    /// after a leading `x ` so that no line of it starts a list, a heading or a quote.
    ///
    /// Words that are addresses or options (with `://` or `@`, starting `www.`, or `--` and a
    /// letter) are kept as written: YAML has no code span to protect them, and `--drafts` became
    /// `–drafts`, `www.example.com/help` kept the escapes' backslashes (session 25's review).
    public static func smartPunctuation(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") })
        else { return text }
        // Kept words stand in the text as private-use characters, put back afterwards.
        var kept: [Substring] = []
        var escaped = "x "
        escaped.reserveCapacity(text.utf8.count * 2)
        for (position, word) in text.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if position > 0 { escaped.append(" ") }
            if isKeptAsWritten(word), kept.count < placeholderCount, let placeholder = Unicode.Scalar(placeholderBase + UInt32(kept.count)) {
                kept.append(word)
                escaped.unicodeScalars.append(placeholder)
                continue
            }
            for character in word {
                if character == "\n" || character == "\r" {
                    escaped.append(" ")
                } else if character.isASCII, character.isPunctuation || character.isSymbol, !"'\"-.".contains(character) {
                    escaped.append("\\")
                    escaped.append(character)
                } else {
                    escaped.append(character)
                }
            }
        }
        guard let document = try? parse(escaped, options: .site, limits: .standard) else { return text }
        let typeset = document.plainText
        guard typeset.hasPrefix("x ") else { return text }
        guard !kept.isEmpty else { return String(typeset.dropFirst(2)) }
        var restored = ""
        for scalar in typeset.unicodeScalars.dropFirst(2) {
            let index = Int(scalar.value) - Int(placeholderBase)
            if index >= 0 && index < kept.count { restored += kept[index] } else { restored.unicodeScalars.append(scalar) }
        }
        return restored
    }

    /// The first private-use scalar standing for a kept word, and how many there are.
    private static let placeholderBase: UInt32 = 0xE000
    private static let placeholderCount = 0x1000

    private static func isKeptAsWritten(_ word: Substring) -> Bool {
        let bytes = word.utf8
        guard bytes.count > 2 else { return false }
        if word.contains("://") || bytes.contains(UInt8(ascii: "@")) { return true }
        if word.lowercased().hasPrefix("www.") { return true }
        let start = bytes.startIndex
        let third = bytes.index(start, offsetBy: 2)
        return bytes[start] == UInt8(ascii: "-") && bytes[bytes.index(after: start)] == UInt8(ascii: "-") && (bytes[third] | 0x20) &- 0x61 < 26
    }
}
