/// Collects the distinct words of an article's text for the search index: lower-cased,
/// three letters or more, common English words left out, in the order first seen, at most
/// `limit`. Keeps the index small (about 1 KB an article) while every topic word stays findable.
struct SearchKeywords: Sendable {
    static let limit = 160

    /// Words are compared by a 64-bit hash of their bytes, so only kept words become strings;
    /// the hashes seen sit in a small open-addressing table (no per-word hashing of the hash).
    private var seen = [UInt64](repeating: 0, count: 1024)
    private var ordered: [String] = []

    mutating func add(_ text: String) {
        guard ordered.count < Self.limit else { return }
        var text = text
        text.withUTF8 { add(bytes: $0) }
    }

    // Works on UTF-8 bytes: ASCII letters are lower-cased (the search script folds case and
    // accents itself), other letters are kept as they are, and ASCII or Unicode punctuation
    // (general punctuation, CJK symbols, Latin-1 signs) separates words.
    private mutating func add(bytes: UnsafeBufferPointer<UInt8>) {
        var word: [UInt8] = []
        word.reserveCapacity(48)
        var hash: UInt64 = 0xcbf29ce484222325
        func flush() {
            defer {
                word.removeAll(keepingCapacity: true)
                hash = 0xcbf29ce484222325
            }
            guard word.count >= 3, word.count <= 48, ordered.count < Self.limit, insertSeen(hash | 1),
                  !Self.stopWordHashes.contains(hash) else { return }
            ordered.append(String(decoding: word, as: UTF8.self))
        }
        func append(_ byte: UInt8) {
            word.append(byte)
            hash = (hash ^ UInt64(byte)) &* 0x100000001b3
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x41...0x5A: append(byte + 32)
            case 0x61...0x7A, 0x30...0x39: append(byte)
            case 0x00...0x7F: flush()
            default:
                // The first byte of a multi-byte scalar: read the rest, then decide.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                let end = min(bytes.count, index - 1 + length)
                let scalar = Self.decode(bytes, from: index - 1, to: end)
                if (0x80...0xBF).contains(scalar) || (0x2000...0x206F).contains(scalar) || (0x3000...0x303F).contains(scalar)
                    || (0xFE30...0xFE4F).contains(scalar) || (0xFF00...0xFF0F).contains(scalar) {
                    flush()
                } else {
                    for position in (index - 1)..<end { append(bytes[position]) }
                }
                index = end
            }
            if ordered.count >= Self.limit { return }
        }
        flush()
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
    var joined: String { ordered.joined(separator: " ") }

    static let stopWords: Set<String> = [
        "the", "and", "for", "are", "but", "not", "you", "your", "all", "any", "can", "her", "was", "one", "our",
        "out", "has", "have", "had", "his", "how", "its", "may", "new", "now", "see", "who", "did", "get", "use",
        "that", "this", "with", "from", "they", "will", "would", "there", "their", "what", "about", "which", "when",
        "then", "them", "these", "those", "than", "into", "also", "been", "were", "each", "just", "only", "some",
        "such", "more", "most", "other", "over", "here", "where", "while", "after", "before", "because", "does",
        "should", "could", "make", "made", "like", "very", "want", "need", "yet", "it's", "you're", "don't",
    ]

    private static let stopWordHashes: Set<UInt64> = Set(stopWords.map { word in
        word.utf8.reduce(UInt64(0xcbf29ce484222325)) { ($0 ^ UInt64($1)) &* 0x100000001b3 }
    })
}
