import Crypto
import HelpCenterCalendar

/// The version of a source page that a translation names in `translation_of:`: the source's
/// `updated` date, or the hash of its Markdown body (docs/languages.md).
public enum SourceVersion: Sendable, Equatable {
    case date(CalendarDate)
    /// Lowercase hexadecimal digits, 12 to 64 of them: a prefix of the body's SHA-256.
    case hash(String)

    public init?(_ text: String) {
        if let date = CalendarDate(parsing: text) {
            self = .date(date)
            return
        }
        let lowered = text.lowercased()
        guard (12...64).contains(lowered.utf8.count), lowered.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }) else {
            return nil
        }
        self = .hash(lowered)
    }

    /// The hash a translation names: the first 12 hexadecimal digits of the SHA-256 of the
    /// source's Markdown body (the text after the front matter), with line endings made LF and
    /// trailing white space removed, so that an edit to the front matter alone (a new
    /// `updated:` date, a tag) does not make a translation out of date.
    ///
    /// A body without a carriage return (nearly all) skips Foundation's `replacingOccurrences`,
    /// which took about 100 µs on a 4.6 KB body even with nothing to replace: pairing 2,000
    /// translations with their sources spent 0.25 s of CPU in it (perf, docs/languages.md).
    public static func bodyHash(_ body: Substring) -> String {
        let digest = SHA256.hash(data: hashedBytes(body))
        return digest.prefix(6).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The bytes `bodyHash` hashes: the body with "\r\n" made "\n" and its trailing white space
    /// (by `Character`) removed.
    static func hashedBytes(_ body: Substring) -> [UInt8] {
        // Foundation's replacement is kept for a body with a carriage return, for its exact
        // matching rules (it leaves a "\r\n" followed by a combining mark as it is).
        var text = body.utf8.contains(0x0D) ? body.replacingOccurrences(of: "\r\n", with: "\n") : String(body)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return Array(text.utf8)
    }

    /// Whether a source with this body hash and `updated` date is still the version named: a
    /// hash must match (its prefix); a date must not be older than the source's `updated`.
    /// Nil when the date form is used and the source has no `updated` date (it cannot tell).
    public func isCurrent(hash: String, updated: CalendarDate?) -> Bool? {
        switch self {
        case .hash(let named): return hash.hasPrefix(named) || named.hasPrefix(hash)
        case .date(let named):
            guard let updated else { return nil }
            return !(named < updated)
        }
    }
}
