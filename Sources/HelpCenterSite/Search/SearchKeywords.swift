/// Collects the distinct words of an article's text for the search index: lower-cased,
/// three letters or more, common English words left out, in the order first seen, at most
/// `limit`. Keeps the index small (about 1 KB an article) while every topic word stays findable.
struct SearchKeywords: Sendable {
    static let limit = 160

    /// Words are compared by a 64-bit hash of their bytes, so only kept words are copied;
    /// the hashes seen sit in a small open-addressing table (no per-word hashing of the hash).
    /// (At most `limit` words plus the stop words are ever inserted: 512 slots stay under half full.)
    private var seen = [UInt64](repeating: 0, count: 512)
    /// The kept words, lower-cased, separated by spaces.
    private var words: [UInt8] = []
    private var count = 0

    private static let offsetBasis: UInt64 = 0xcbf29ce484222325
    private static let prime: UInt64 = 0x100000001b3

    mutating func add(_ text: String) {
        guard count < Self.limit else { return }
        var text = text
        text.withUTF8 { add(bytes: $0) }
    }

    // Works on UTF-8 bytes: ASCII letters are lower-cased (the search script folds case and
    // accents itself), other letters are kept as they are, and ASCII or Unicode punctuation
    // (general punctuation, CJK symbols, Latin-1 signs) separates words. A word is a run of
    // the text, so it is hashed as it is read and copied only when kept.
    private mutating func add(bytes: UnsafeBufferPointer<UInt8>) {
        var wordStart = -1
        var hash = Self.offsetBasis
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var width = 1
            let inWord: Bool
            switch byte {
            case 0x41...0x5A:
                inWord = true
                hash = (hash ^ UInt64(byte + 32)) &* Self.prime
            case 0x61...0x7A, 0x30...0x39:
                inWord = true
                hash = (hash ^ UInt64(byte)) &* Self.prime
            case 0x00...0x7F:
                inWord = false
            default:
                // The first byte of a multi-byte scalar: read the rest, then decide.
                let end = min(bytes.count, index + (byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2))
                width = end - index
                let scalar = Self.decode(bytes, from: index, to: end)
                inWord = !((0x80...0xBF).contains(scalar) || (0x2000...0x206F).contains(scalar) || (0x3000...0x303F).contains(scalar)
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
        if wordStart >= 0 { keep(bytes, from: wordStart, to: bytes.count, hash: hash) }
    }

    private mutating func keep(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, hash: UInt64) {
        guard end - start >= 3, end - start <= 48, count < Self.limit, insertSeen(hash | 1),
              !Self.stopWordHashes.contains(hash) else { return }
        if !words.isEmpty { words.append(UInt8(ascii: " ")) }
        for position in start..<end {
            let byte = bytes[position]
            words.append(byte &- 0x41 < 26 ? byte + 32 : byte)
        }
        count += 1
    }

    /// Inserts a (non-zero) hash; false when it was there already.
    private mutating func insertSeen(_ hash: UInt64) -> Bool {
        var slot = Int(truncatingIfNeeded: hash >> 32) & (seen.count - 1)
        while seen[slot] != 0 {
            if seen[slot] == hash { return false }
            slot = (slot + 1) & (seen.count - 1)
        }
        seen[slot] = hash
        return true
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> UInt32 {
        switch end - start {
        case 2: return UInt32(bytes[start] & 0x1F) << 6 | UInt32(bytes[start + 1] & 0x3F)
        case 3: return UInt32(bytes[start] & 0x0F) << 12 | UInt32(bytes[start + 1] & 0x3F) << 6 | UInt32(bytes[start + 2] & 0x3F)
        case 4: return UInt32(bytes[start] & 0x07) << 18 | UInt32(bytes[start + 1] & 0x3F) << 12 | UInt32(bytes[start + 2] & 0x3F) << 6 | UInt32(bytes[start + 3] & 0x3F)
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

    private static let stopWordHashes: Set<UInt64> = Set(stopWords.map { word in
        word.utf8.reduce(offsetBasis) { ($0 ^ UInt64($1)) &* prime }
    })
}
