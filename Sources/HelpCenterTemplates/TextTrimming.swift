/// Trimming white space without Foundation's `trimmingCharacters(in:)`, which goes through
/// `NSString` and costs about ten thousand instructions a call: enough to show in a build
/// profile, where every article's title, date, order and callout markers are trimmed.
extension String {
    /// The text without leading and trailing white space: what `CharacterSet.whitespaces`
    /// holds (tab, the Unicode space separators and U+200B) and, with `newlines`, what
    /// `.whitespacesAndNewlines` holds too (line feed, vertical tab, form feed, carriage
    /// return, U+0085, U+2028 and U+2029).
    package func trimmingWhitespace(newlines: Bool = false) -> String {
        let scalars = unicodeScalars
        // Most text starts and ends with a visible ASCII character: nothing to look at.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return self
        }
        guard let start = scalars.firstIndex(where: { !Self.isWhitespace($0, newlines: newlines) }) else { return "" }
        let end = scalars.lastIndex(where: { !Self.isWhitespace($0, newlines: newlines) }) ?? start
        return String(scalars[start...end])
    }

    package static func isWhitespace(_ scalar: Unicode.Scalar, newlines: Bool) -> Bool {
        switch scalar.value {
        // Foundation's sets still count U+200B (zero width space), a space separator in early Unicode.
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: newlines
        default: false
        }
    }
}
