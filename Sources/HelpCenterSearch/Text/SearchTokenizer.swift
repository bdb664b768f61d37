/// Splits text into the words the index knows, the same way the browser's `search.js` does
/// (`words()` there): runs of letters and digits (any non-ASCII character but Unicode
/// punctuation and spaces counts as a letter), joined by an apostrophe (`'` or `’`, read as
/// `'`) between two letters; lower-cased; in a language with elided words (French `l'`,
/// `qu'`), those are taken off the word they are joined to. Words of one character (Unicode
/// scalar) and words longer than `maximumLength` UTF-8 bytes, both once lower-cased, are left out.
public enum SearchTokenizer {
    public static let maximumLength = 40

    /// The elided words of a language, by their bytes (`SearchLanguage.elisions`).
    public struct Elisions: Sendable, Equatable {
        private let words: Set<[UInt8]>
        /// The longest, in bytes: a longer part before an apostrophe is not looked up.
        let longest: Int

        public init(_ words: Set<String>) {
            self.words = Set(words.map { Array($0.utf8) })
            longest = words.map(\.utf8.count).max() ?? 0
        }

        public static let none = Elisions([])

        var isEmpty: Bool { words.isEmpty }

        func contains(_ bytes: some Collection<UInt8>) -> Bool {
            bytes.count <= longest && words.contains(Array(bytes))
        }

        /// Where a (lower-cased) word starts once its elided words are taken off: each part
        /// before an apostrophe that is an elided word, from the start.
        func start(of word: [UInt8]) -> Int {
            var start = 0
            while let apostrophe = word[start...].firstIndex(of: 0x27), contains(word[start..<apostrophe]) { start = apostrophe + 1 }
            return start
        }
    }

    /// What each byte is: 0 separator, 1 letter or digit, 2 upper-case ASCII letter, 3 the first
    /// byte of a multi-byte character, 4 an apostrophe.
    private static let classes: [UInt8] = (0...255).map { byte in
        switch byte {
        case 0x41...0x5A: 2
        case 0x61...0x7A, 0x30...0x39: 1
        case 0x27: 4
        case 0x00...0x7F: 0
        default: 3
        }
    }

    /// Calls `body` with each word of `text`, in order.
    public static func forEachWord(in text: String, elisions: Elisions = .none, _ body: (String) -> Void) {
        var text = text
        text.withUTF8 { bytes in forEachWord(in: bytes.span, elisions: elisions, body) }
    }

    /// The words of `text`, in order (tests and queries).
    public static func words(_ text: String, elisions: Elisions = .none) -> [String] {
        var words: [String] = []
        forEachWord(in: text, elisions: elisions) { words.append($0) }
        return words
    }

    /// Calls `body` with each word of UTF-8 text.
    public static func forEachWord(in bytes: Span<UInt8>, elisions: Elisions = .none, _ body: (String) -> Void) {
        forEachWordBytes(in: bytes, elisions: elisions) { body(String(decoding: $0, as: UTF8.self)) }
    }

    /// Calls `body` with the UTF-8 bytes of each word of UTF-8 text (lower-cased), without
    /// making a string for an ASCII word. (`SearchTermCounter` has a faster path of its own for
    /// ASCII text, which must split words the same way: `SearchTokenizerTests`.)
    static func forEachWordBytes(in bytes: Span<UInt8>, elisions: Elisions, _ body: ([UInt8]) -> Void) {
        let table = classes
        var word: [UInt8] = []
        word.reserveCapacity(64)
        var nonASCII = false
        var pendingApostrophe = false
        func flush() {
            // An elided word's letters are ASCII, already lower-cased in `word`.
            if !elisions.isEmpty, word.contains(0x27) {
                let start = elisions.start(of: word)
                if start > 0 { word.removeFirst(start) }
            }
            if nonASCII {
                // Counted as `search.js` counts them, once lower-cased: characters (Unicode
                // scalars, so `é` or `中` alone is one) and UTF-8 bytes.
                let lowered = String(decoding: word, as: UTF8.self).lowercased()
                if lowered.unicodeScalars.count > 1 && lowered.utf8.count <= maximumLength { body(Array(lowered.utf8)) }
            } else if word.count > 1 && word.count <= maximumLength {
                body(word)
            }
            word.removeAll(keepingCapacity: true)
            nonASCII = false
            pendingApostrophe = false
        }
        var index = 0
        let total = bytes.count
        while index < total {
            let byte = bytes[index]
            switch table[Int(byte)] {
            case 1, 2:
                if pendingApostrophe {
                    word.append(0x27)
                    pendingApostrophe = false
                }
                word.append(byte &- 0x41 < 26 ? byte + 32 : byte)
                index += 1
            case 4:
                if word.isEmpty || pendingApostrophe { flush() } else { pendingApostrophe = true }
                index += 1
            case 0:
                flush()
                index += 1
            default:
                let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                let end = min(total, index + width)
                let scalar = decode(bytes, from: index, to: end)
                if scalar == 0x2019 {
                    // ’ is an apostrophe.
                    if word.isEmpty || pendingApostrophe { flush() } else { pendingApostrophe = true }
                } else if isPunctuation(scalar) {
                    flush()
                } else {
                    if pendingApostrophe {
                        word.append(0x27)
                        pendingApostrophe = false
                    }
                    for position in index..<end { word.append(bytes[position]) }
                    nonASCII = true
                }
                index = end
            }
        }
        flush()
    }

    /// Latin-1 signs, general punctuation, CJK symbols, and full-width punctuation: the
    /// non-ASCII characters that separate words (the same ranges as `search.js`).
    static func isPunctuation(_ scalar: UInt32) -> Bool {
        (0x80...0xBF).contains(scalar) || scalar == 0xD7 || scalar == 0xF7 || (0x2000...0x206F).contains(scalar)
            || (0x3000...0x303F).contains(scalar) || (0xFE30...0xFE4F).contains(scalar) || (0xFF00...0xFF0F).contains(scalar)
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
}
