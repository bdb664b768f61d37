/// Collects the distinct words of an article's text for the search index: lower-cased,
/// three letters or more, common English words left out, in the order first seen, at most
/// `limit`. Keeps the index small (about 1 KB an article) while every topic word stays findable.
struct SearchKeywords: Sendable {
    static let limit = 160

    private var seen: Set<String> = []
    private var ordered: [String] = []

    mutating func add(_ text: String) {
        guard ordered.count < Self.limit else { return }
        var word = String.UnicodeScalarView()
        func flush() {
            defer { word.removeAll(keepingCapacity: true) }
            guard word.count >= 3, word.count <= 32, ordered.count < Self.limit else { return }
            let candidate = String(word)
            guard !Self.stopWords.contains(candidate), seen.insert(candidate).inserted else { return }
            ordered.append(candidate)
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A: word.append(Unicode.Scalar(scalar.value + 32)!)
            case 0x61...0x7A, 0x30...0x39: word.append(scalar)
            case 0...0x7F, 0x80...0xBF, 0x2000...0x206F, 0x3000...0x303F, 0xFE30...0xFE4F, 0xFF00...0xFF0F:
                flush()  // ASCII and Unicode punctuation, spaces and symbols separate words
            default:
                word.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        flush()
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
