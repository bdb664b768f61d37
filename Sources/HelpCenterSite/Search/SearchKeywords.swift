/// Collects the distinct words of an article's text for the search index: lower-cased,
/// three letters or more, common English words left out, in the order first seen, at most
/// `limit`. Keeps the index small (about 1 KB an article) while every topic word stays findable.
struct SearchKeywords: Sendable {
    static let limit = 160

    private var seen: Set<String> = []
    private var ordered: [String] = []

    mutating func add(_ text: String) {
        guard ordered.count < Self.limit else { return }
        // Works on UTF-8 bytes: ASCII letters are lower-cased (the search script folds case and
        // accents itself), other letters are kept as they are, and ASCII or Unicode punctuation
        // (general punctuation, CJK symbols, Latin-1 signs) separates words.
        var word: [UInt8] = []
        word.reserveCapacity(32)
        func flush() {
            defer { word.removeAll(keepingCapacity: true) }
            guard word.count >= 3, word.count <= 48, ordered.count < Self.limit else { return }
            let candidate = String(decoding: word, as: UTF8.self)
            guard !Self.stopWords.contains(candidate), seen.insert(candidate).inserted else { return }
            ordered.append(candidate)
        }
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            switch byte {
            case 0x41...0x5A: word.append(byte + 32)
            case 0x61...0x7A, 0x30...0x39: word.append(byte)
            case 0x00...0x7F: flush()
            default:
                // The first byte of a multi-byte scalar: read the rest, then decide.
                var sequence: [UInt8] = [byte]
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                for _ in 1..<length { if let next = bytes.next() { sequence.append(next) } }
                let scalar = Self.decode(sequence)
                if (0x80...0xBF).contains(scalar) || (0x2000...0x206F).contains(scalar) || (0x3000...0x303F).contains(scalar)
                    || (0xFE30...0xFE4F).contains(scalar) || (0xFF00...0xFF0F).contains(scalar) {
                    flush()
                } else {
                    word.append(contentsOf: sequence)
                }
            }
        }
        flush()
    }

    private static func decode(_ bytes: [UInt8]) -> UInt32 {
        switch bytes.count {
        case 2: return UInt32(bytes[0] & 0x1F) << 6 | UInt32(bytes[1] & 0x3F)
        case 3: return UInt32(bytes[0] & 0x0F) << 12 | UInt32(bytes[1] & 0x3F) << 6 | UInt32(bytes[2] & 0x3F)
        case 4: return UInt32(bytes[0] & 0x07) << 18 | UInt32(bytes[1] & 0x3F) << 12 | UInt32(bytes[2] & 0x3F) << 6 | UInt32(bytes[3] & 0x3F)
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
}
