/// Collects the distinct words of an article's text for the search index: lower-cased,
/// three letters or more, common English words left out, in the order first seen, at most
/// `limit`. Keeps the index small (about 1 KB an article) while every topic word stays findable.
struct SearchKeywords: Sendable {
    static let limit = 160

    /// Words are compared by a 64-bit hash of their bytes, so only kept words are copied;
    /// the hashes seen sit in a small open-addressing table (no per-word hashing of the hash).
    /// The table starts with the stop words' hashes in it, so a stop word is never new.
    /// (At most `limit` words plus the stop words are ever inserted: 512 slots stay under half full.)
    private var seen = SearchKeywords.seededTable
    /// The kept words, lower-cased, separated by spaces.
    private var words: [UInt8] = []
    private var count = 0

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x100_0000_01b3
    private static let tableSize = 512

    mutating func add(_ text: String) {
        guard count < Self.limit else { return }
        add(bytes: text.utf8.span)
    }

    /// What each byte is to the word scanner: `separator` (ASCII punctuation, space, control),
    /// `letter` (lower-case ASCII letter or digit), `upper` (upper-case ASCII letter) or
    /// `multiByte` (the first byte of a longer UTF-8 sequence; continuation bytes are skipped
    /// with it).
    private static let separator: UInt8 = 0, letter: UInt8 = 1, upper: UInt8 = 2, multiByte: UInt8 = 3
    private static let byteClasses: [UInt8] = (0...255).map { byte in
        switch byte {
        case 0x41...0x5A: upper
        case 0x61...0x7A, 0x30...0x39: letter
        case 0x00...0x7F: separator
        default: multiByte
        }
    }

    // Works on UTF-8 bytes: ASCII letters are lower-cased (the search script folds case and
    // accents itself), other letters are kept as they are, and ASCII or Unicode punctuation
    // (general punctuation, CJK symbols, Latin-1 signs) separates words. A word is a run of
    // the text, so it is hashed as it is read and copied only when kept.
    /// Adds the words of UTF-8 text.
    mutating func add(bytes: Span<UInt8>) {
        guard count < Self.limit else { return }
        let table = Self.byteClasses
        let total = bytes.count
        var wordStart = -1
        var hash = Self.offsetBasis
        var index = 0
        while index < total {
            let byte = bytes[index]
            var width = 1
            let inWord: Bool
            switch table[Int(byte)] {
            case Self.letter:
                inWord = true
                hash = (hash ^ UInt64(byte)) &* Self.prime
            case Self.upper:
                inWord = true
                hash = (hash ^ UInt64(byte + 32)) &* Self.prime
            case Self.separator:
                inWord = false
            default:
                // The first byte of a multi-byte scalar: read the rest, then decide.
                let end = min(total, index + (byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2))
                width = end - index
                let scalar = Self.decode(bytes, from: index, to: end)
                inWord =
                    !((0x80...0xBF).contains(scalar) || (0x2000...0x206F).contains(scalar) || (0x3000...0x303F).contains(scalar)
                    || (0xFE30...0xFE4F).contains(scalar) || (0xFF00...0xFF0F).contains(scalar))
                if inWord {
                    for position in index..<end { hash = (hash ^ UInt64(bytes[position])) &* Self.prime }
                }
            }
            if inWord {
                if wordStart < 0 { wordStart = index }
            } else if wordStart >= 0 {
                keep(bytes, from: wordStart, to: index, hash: hash)
                wordStart = -1
                hash = Self.offsetBasis
                if count >= Self.limit { return }
            }
            index += width
        }
        if wordStart >= 0 { keep(bytes, from: wordStart, to: total, hash: hash) }
    }

    private mutating func keep(_ bytes: Span<UInt8>, from start: Int, to end: Int, hash: UInt64) {
        guard end - start >= 3, end - start <= 48, count < Self.limit, Self.insert(hash | 1, into: &seen) else { return }
        if !words.isEmpty { words.append(UInt8(ascii: " ")) }
        for position in start..<end {
            let byte = bytes[position]
            words.append(byte &- 0x41 < 26 ? byte + 32 : byte)
        }
        count += 1
    }

    /// Inserts a (non-zero) hash; false when it was there already.
    private static func insert(_ hash: UInt64, into table: inout [UInt64]) -> Bool {
        var slot = Int(truncatingIfNeeded: hash >> 32) & (tableSize - 1)
        while table[slot] != 0 {
            if table[slot] == hash { return false }
            slot = (slot + 1) & (tableSize - 1)
        }
        table[slot] = hash
        return true
    }

    private static func decode(_ bytes: Span<UInt8>, from start: Int, to end: Int) -> UInt32 {
        switch end - start {
        case 2: return UInt32(bytes[start] & 0x1F) << 6 | UInt32(bytes[start + 1] & 0x3F)
        case 3: return UInt32(bytes[start] & 0x0F) << 12 | UInt32(bytes[start + 1] & 0x3F) << 6 | UInt32(bytes[start + 2] & 0x3F)
        case 4:
            return UInt32(bytes[start] & 0x07) << 18 | UInt32(bytes[start + 1] & 0x3F) << 12 | UInt32(bytes[start + 2] & 0x3F) << 6
                | UInt32(bytes[start + 3] & 0x3F)
        default: return 0
        }
    }

    /// The words separated by spaces.
    var joined: String { String(decoding: words, as: UTF8.self) }

    static let stopWords: Set<String> = [
        "the", "and", "for", "are", "but", "not", "you", "your", "all", "any", "can", "her", "was", "one", "our",
        "out", "has", "have", "had", "his", "how", "its", "may", "new", "now", "see", "who", "did", "get", "use",
        "that", "this", "with", "from", "they", "will", "would", "there", "their", "what", "about", "which", "when",
        "then", "them", "these", "those", "than", "into", "also", "been", "were", "each", "just", "only", "some",
        "such", "more", "most", "other", "over", "here", "where", "while", "after", "before", "because", "does",
        "should", "could", "make", "made", "like", "very", "want", "need", "yet", "it's", "you're", "don't",
    ]

    /// The empty table of seen words, with the stop words in it.
    private static let seededTable: [UInt64] = {
        var table = [UInt64](repeating: 0, count: tableSize)
        for word in stopWords {
            _ = insert(word.utf8.reduce(offsetBasis) { ($0 ^ UInt64($1)) &* prime } | 1, into: &table)
        }
        return table
    }()
}
