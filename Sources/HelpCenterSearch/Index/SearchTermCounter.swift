/// Counts one article's words by field without making a string per word: each word is hashed
/// from its bytes (64-bit FNV-1a) into a small open-addressing table, its bytes kept once, and
/// stop words are recognised by their hash (`SearchLanguage.stopWordHashes`). The accumulator
/// reads the distinct words back (`forEachTerm`). In the 10,000-article build this replaced a
/// `[String: SearchTerm]` per article and a `Set<String>` lookup per word, which made the
/// index's share of the render phase about twice as large (perf, docs/search.md).
struct SearchTermCounter {
    struct Entry {
        var hash: UInt64
        var start: Int32
        var length: Int32
        var weight: Int32
        var fields: SearchTerm.Fields
    }

    private var table: [Int32]
    private(set) var entries: [Entry] = []
    private(set) var bytes: [UInt8] = []
    /// The words counted (stop words left out).
    private(set) var length = 0
    private let stopWords: StopWordTable

    init(stopWords: StopWordTable) {
        self.stopWords = stopWords
        table = [Int32](repeating: -1, count: 512)
        entries.reserveCapacity(256)
        bytes.reserveCapacity(4096)
    }

    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    static func hash(_ word: some Collection<UInt8>) -> UInt64 {
        var hash = offsetBasis
        for byte in word { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }

    mutating func add(_ text: String, weight: Int, field: SearchTerm.Fields) {
        SearchTokenizer.forEachWordBytes(in: text) { word in add(word: word, weight: weight, field: field) }
    }

    private mutating func add(word: [UInt8], weight: Int, field: SearchTerm.Fields) {
        let hash = Self.hash(word)
        if stopWords.contains(hash) { return }
        length += 1
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: hash >> 20) & mask
        while table[slot] >= 0 {
            let index = Int(table[slot])
            if entries[index].hash == hash && Int(entries[index].length) == word.count {
                entries[index].weight += Int32(weight)
                entries[index].fields.formUnion(field)
                return
            }
            slot = (slot + 1) & mask
        }
        table[slot] = Int32(entries.count)
        entries.append(Entry(hash: hash, start: Int32(bytes.count), length: Int32(word.count), weight: Int32(weight), fields: field))
        bytes.append(contentsOf: word)
        if entries.count * 2 > table.count { grow() }
    }

    private mutating func grow() {
        table = [Int32](repeating: -1, count: table.count * 2)
        let mask = table.count - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash >> 20) & mask
            while table[slot] >= 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(index)
        }
    }

    /// The bytes of an entry's word.
    func word(_ entry: Entry) -> ArraySlice<UInt8> {
        bytes[Int(entry.start)..<Int(entry.start + entry.length)]
    }
}

/// Stop words by the 64-bit FNV-1a hash of their bytes, in an open-addressing table.
struct StopWordTable: Sendable, Equatable {
    private var table: [UInt64]

    init(_ words: Set<String>) {
        var size = 64
        while size < words.count * 4 { size *= 2 }
        table = [UInt64](repeating: 0, count: size)
        for word in words {
            let hash = SearchTermCounter.hash(word.utf8) | 1
            var slot = Int(truncatingIfNeeded: hash >> 20) & (size - 1)
            while table[slot] != 0 && table[slot] != hash { slot = (slot + 1) & (size - 1) }
            table[slot] = hash
        }
    }

    func contains(_ hash: UInt64) -> Bool {
        let hash = hash | 1
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: hash >> 20) & mask
        while table[slot] != 0 {
            if table[slot] == hash { return true }
            slot = (slot + 1) & mask
        }
        return false
    }
}
