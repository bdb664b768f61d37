extension MarkdownParser {
    /// Plain text (a rule's title or sentence, an example's words, from YAML) with the
    /// punctuation the articles' bodies get from libcmark-gfm's smart option: curly quotes and
    /// apostrophes, en and em dashes for `--` and `---`, an ellipsis for `...`. Rule callouts
    /// printed `can't` beside a body's `can’t` (session 24's writer trial). The library does
    /// it, so that plain text and bodies agree on every quote: the text is parsed as one
    /// paragraph, every other ASCII punctuation mark escaped so that none is read as Markdown,
    /// after a leading `x ` so that no line of it starts a list, a heading or a quote.
    public static func smartPunctuation(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") })
        else { return text }
        var escaped = "x "
        escaped.reserveCapacity(text.utf8.count * 2)
        for character in text {
            if character == "\n" || character == "\r" {
                escaped.append(" ")
            } else if character.isASCII, character.isPunctuation || character.isSymbol, !"'\"-.".contains(character) {
                escaped.append("\\")
                escaped.append(character)
            } else {
                escaped.append(character)
            }
        }
        guard let document = try? parse(escaped, options: .site, limits: .standard) else { return text }
        let typeset = document.plainText
        guard typeset.hasPrefix("x ") else { return text }
        return String(typeset.dropFirst(2))
    }
}
