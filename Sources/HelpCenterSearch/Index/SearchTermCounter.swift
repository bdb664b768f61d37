/// Counts one article's words by field without making a string per word: each word is hashed
/// from its bytes into a small open-addressing table and its bytes kept once. The table starts
/// with the language's stop words in it (`Seed`), so one probe per word both recognises a stop
/// word and finds a word already counted. The accumulator reads the counted words back
/// (`words`). In the 10,000-article build this replaced a `[String: SearchTerm]` per article
/// and a `Set<String>` lookup per word, which made the index's share of the render phase about
/// twice as large (perf, docs/search.md).
struct SearchTermCounter {
    struct Entry {
        var hash: UInt64
        var start: Int32
        var length: Int32
        var weight: Int32
        var fields: SearchTerm.Fields
    }

    /// The table every counter of a language starts from: its stop words, entries
    /// `0..<stopWordCount` (their bytes are not kept).
    struct Seed: Sendable, Equatable {
        fileprivate var table: [Int32]
        fileprivate var hashes: [UInt64]
        fileprivate var lengths: [Int32]

        init(stopWords: Set<String>) {
            var size = 1024
            while size < stopWords.count * 4 { size *= 2 }
            table = [Int32](repeating: -1, count: size)
            hashes = []
            lengths = []
            for word in stopWords.sorted() {
                let hash = SearchTermCounter.hash(word.utf8)
                var slot = Int(truncatingIfNeeded: hash >> 20) & (size - 1)
                while table[slot] >= 0 { slot = (slot + 1) & (size - 1) }
                table[slot] = Int32(hashes.count)
                hashes.append(hash)
                lengths.append(Int32(word.utf8.count))
            }
        }
    }

    private var table: [Int32]
    private var entries: [Entry] = []
    private var bytes: [UInt8] = []
    private let stopWordCount: Int
    private let elisions: SearchTokenizer.Elisions
    /// The words counted (stop words left out).
    private(set) var length = 0

    init(seed: Seed, elisions: SearchTokenizer.Elisions = .none) {
        self.elisions = elisions
        table = seed.table
        stopWordCount = seed.hashes.count
        entries.reserveCapacity(stopWordCount + 256)
        for (hash, length) in zip(seed.hashes, seed.lengths) {
            entries.append(Entry(hash: hash, start: 0, length: length, weight: 0, fields: []))
        }
        bytes.reserveCapacity(4096)
    }

    /// The distinct words counted, in the order first seen.
    var words: ArraySlice<Entry> { entries[stopWordCount...] }

    /// A word's hash: its bytes packed eight at a time into 64-bit numbers, each folded in with
    /// a multiply, and the result mixed (MurmurHash3's finaliser) with its length. Packing costs
    /// one shift and one or per byte, where hashing byte by byte (FNV-1a) was a multiply.
    static func hash(_ word: some Sequence<UInt8>) -> UInt64 {
        var state = HashState()
        for byte in word { state.add(byte) }
        return state.finish()
    }

    struct HashState {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        var packed: UInt64 = 0
        var shift: UInt64 = 0
        var count: UInt64 = 0

        @inline(__always) mutating func add(_ byte: UInt8) {
            packed |= UInt64(byte) << shift
            shift += 8
            count += 1
            if shift == 64 {
                fold(packed)
                packed = 0
                shift = 0
            }
        }

        /// Eight bytes at once, the first in the lowest byte (only at a multiple of eight).
        @inline(__always) mutating func add(eight bytes: UInt64) {
            fold(bytes)
            count += 8
        }

        /// A word's last `length` bytes (below eight, the first in the lowest byte; the bytes
        /// above them zero), after its full blocks of eight.
        @inline(__always) mutating func add(last bytes: UInt64, length: Int) {
            packed = bytes
            shift = UInt64(length * 8)
            count += UInt64(length)
        }

        @inline(__always) private mutating func fold(_ block: UInt64) {
            hash = (hash ^ block) &* 0xFF51_AFD7_ED55_8CCD
        }

        @inline(__always) func finish() -> UInt64 {
            var value = (hash ^ packed) &* 0xFF51_AFD7_ED55_8CCD ^ count
            value ^= value >> 33
            value = value &* 0xC4CE_B9FE_1A85_EC53
            value ^= value >> 33
            return value
        }
    }

    mutating func add(_ text: String, weight: Int, field: SearchTerm.Fields) {
        var text = text
        text.withUTF8 { add(bytes: $0.span, weight: Int32(weight), field: field) }
    }

    /// Each byte as it is in a word on the fast path: an ASCII letter lower-cased, a digit
    /// itself, anything else 0.
    private static let lowered: [UInt8] = (0...255).map { byte in
        switch byte {
        case 0x41...0x5A: UInt8(byte | 0x20)
        case 0x61...0x7A, 0x30...0x39: UInt8(byte)
        default: 0
        }
    }

    /// Counts the words of UTF-8 text as `SearchTokenizer` splits them. ASCII text (nearly all
    /// of it) is hashed as it is read, with no copy of a word unless it is new to the article;
    /// a stretch between two ASCII separators that holds a multi-byte character goes through
    /// `SearchTokenizer` itself. That is the same split, because an ASCII separator always ends
    /// a word there. This pass is the largest part of the index's cost in a build, so its inner
    /// loop is one table lookup per byte with no other branch (perf, docs/search.md).
    mutating func add(bytes: Span<UInt8>, weight: Int32, field: SearchTerm.Fields) {
        let lowered = Self.lowered
        let total = bytes.count
        var index = 0
        while index < total {
            // Eight bytes at a time while they are plain ASCII words and separators.
            if index + 8 <= total, let next = addEightAtATime(bytes, from: index, weight: weight, field: field) {
                index = next
                continue
            }
            // Separators, apostrophes included (one cannot start a word).
            let first = bytes[index]
            if first < 0x80 && lowered[Int(first)] == 0 {
                index += 1
                continue
            }
            var start = index
            var hash = HashState()
            var changed: UInt8 = 0
            var multiByte = first >= 0x80
            while !multiByte {
                while index < total {
                    let byte = bytes[index]
                    let lower = lowered[Int(byte)]
                    if lower == 0 { break }
                    changed |= lower ^ byte
                    hash.add(lower)
                    index += 1
                }
                guard index < total else { break }
                let stop = bytes[index]
                if stop >= 0x80 {
                    multiByte = true
                } else if stop == 0x27 && index + 1 < total {
                    // An apostrophe belongs to the word only between two letters or digits.
                    let next = bytes[index + 1]
                    if next >= 0x80 {
                        multiByte = true
                    } else if lowered[Int(next)] != 0 {
                        if !elisions.isEmpty && index - start <= elisions.longest
                            && elisions.contains((start..<index).map { lowered[Int(bytes[$0])] })
                        {
                            // An elided word (French l', qu'): the word starts after it.
                            index += 1
                            start = index
                            hash = HashState()
                            changed = 0
                            continue
                        }
                        hash.add(0x27)
                        index += 1
                        continue
                    }
                    break
                } else {
                    break
                }
            }
            if multiByte {
                // To the next ASCII separator, through the tokenizer.
                var end = index
                while end < total && (bytes[end] >= 0x80 || bytes[end] == 0x27 || lowered[Int(bytes[end])] != 0) { end += 1 }
                SearchTokenizer.forEachWordBytes(in: bytes.extracting(start..<end), elisions: elisions) { word in
                    add(word: word[...], hash: Self.hash(word), weight: weight, field: field)
                }
                index = end
                continue
            }
            let count = index - start
            guard count > 1 && count <= SearchTokenizer.maximumLength else { continue }
            addASCII(bytes, start..<index, lowering: changed != 0, hash: hash.finish(), weight: weight, field: field)
        }
    }

    /// What eight bytes are, as 0x80 in each byte of the answer (SWAR: the bytes are tested side
    /// by side in one 64-bit number; no test borrows from its neighbour, because each byte is
    /// given its high bit before a subtraction): an ASCII letter or digit (`word`), and an ASCII
    /// capital (`capital`).
    @inline(__always) private static func classify(_ chunk: UInt64) -> (word: UInt64, capital: UInt64) {
        let high = ByteChunks.high
        let ascii = ~chunk & high
        // Each byte's low seven bits with the high bit set: at least 0x80, so subtracting a
        // number below 0x80 from it leaves the high bit set exactly when the byte is at least
        // that number.
        let raised = chunk | high
        let digits = (raised &- 0x3030_3030_3030_3030) & ~(raised &- 0x3A3A_3A3A_3A3A_3A3A)
        // Capitals folded onto small letters (their 0x20 bit set).
        let folded = raised | 0x2020_2020_2020_2020
        let letters = (folded &- 0x6161_6161_6161_6161) & ~(folded &- 0x7B7B_7B7B_7B7B_7B7B)
        let word = (digits | letters) & ascii
        // A letter whose 0x20 bit is clear is a capital (the bit shifted up to the high bit).
        let capital = letters & ascii & ~((chunk & 0x2020_2020_2020_2020) << 2)
        return (word, capital)
    }

    /// Reads ASCII words eight bytes at a time from `start` (at least eight bytes are left): one
    /// run of separators, or one word of letters and digits ended by an ASCII separator other than
    /// an apostrophe, hashed as `HashState` hashes it and counted. Returns where to go on, or nil
    /// for the byte-by-byte path (a multi-byte character, an apostrophe, or the text's last
    /// bytes). Most words are shorter than eight letters: their bytes are lowered, masked and
    /// hashed at once, where the byte-by-byte loop branched on every byte (perf, docs/search.md).
    @inline(__always) private mutating func addEightAtATime(_ text: Span<UInt8>, from start: Int, weight: Int32, field: SearchTerm.Fields) -> Int? {
        let high = ByteChunks.high
        var chunk = ByteChunks.load(text, start)
        var (word, capital) = Self.classify(chunk)
        if word & 0x80 == 0 {
            // Separators up to the next letter, digit or multi-byte character.
            guard chunk & 0x80 == 0 else { return nil }
            let next = word | chunk & high
            return start + (next == 0 ? 8 : next.trailingZeroBitCount >> 3)
        }
        var hash = HashState()
        var capitals: UInt64 = 0
        var index = start
        while true {
            let ends = ~word & high
            if ends == 0 {
                // Eight letters or digits: a full block of the hash.
                capitals |= capital
                hash.add(eight: chunk | capital >> 2)
                index += 8
                guard index + 8 <= text.count else { return nil }
                chunk = ByteChunks.load(text, index)
                (word, capital) = Self.classify(chunk)
                continue
            }
            let length = ends.trailingZeroBitCount >> 3
            let stop = UInt8(truncatingIfNeeded: chunk >> UInt64(length * 8))
            guard stop < 0x80 && stop != 0x27 else { return nil }
            let kept: UInt64 = length == 0 ? 0 : ~0 >> UInt64(64 - length * 8)
            capitals |= capital & kept
            hash.add(last: (chunk | capital >> 2) & kept, length: length)
            index += length
            break
        }
        let count = index - start
        if count > 1 && count <= SearchTokenizer.maximumLength {
            addASCII(text, start..<index, lowering: capitals != 0, hash: hash.finish(), weight: weight, field: field)
        }
        // The separator that ended the word is not the start of one.
        return index + 1
    }

    /// An ASCII word, known by the hash of its lower-case form; its bytes are copied (lowered
    /// with `lowering`) only when it is new to the article. (A capitalised word was lowered into
    /// an array of its own first: one allocation for every capital in the text.)
    @inline(__always) private mutating func addASCII(
        _ text: Span<UInt8>, _ range: Range<Int>, lowering: Bool, hash: UInt64, weight: Int32, field: SearchTerm.Fields
    ) {
        guard !countKnown(hash: hash, length: range.count, weight: weight, field: field) else { return }
        let start = bytes.count
        if lowering {
            for position in range {
                let byte = text[position]
                bytes.append(byte == 0x27 ? byte : Self.lowered[Int(byte)])
            }
        } else {
            for position in range { bytes.append(text[position]) }
        }
        addNew(hash: hash, start: start, length: range.count, weight: weight, field: field)
    }

    private mutating func add(word: ArraySlice<UInt8>, hash: UInt64, weight: Int32, field: SearchTerm.Fields) {
        guard !countKnown(hash: hash, length: word.count, weight: weight, field: field) else { return }
        let start = bytes.count
        bytes.append(contentsOf: word)
        addNew(hash: hash, start: start, length: word.count, weight: weight, field: field)
    }

    /// Counts a word the table already has (a stop word is left out); false when the word is
    /// new to the article, to be added with its bytes.
    @inline(__always) private mutating func countKnown(hash: UInt64, length wordLength: Int, weight: Int32, field: SearchTerm.Fields) -> Bool {
        guard let index = find(hash: hash, length: wordLength) else { return false }
        if index >= stopWordCount {
            length += 1
            entries[index].weight += weight
            entries[index].fields.formUnion(field)
        }
        return true
    }

    /// A new word whose bytes were just stored from `start`.
    private mutating func addNew(hash: UInt64, start: Int, length wordLength: Int, weight: Int32, field: SearchTerm.Fields) {
        length += 1
        insert(Entry(hash: hash, start: Int32(start), length: Int32(wordLength), weight: weight, fields: field))
    }

    /// The entry of a word already counted, by its hash and length. It, `countKnown` and
    /// `addASCII` are inlined into the per-word path: the calls were about 3 % of the
    /// 10,000-article build's CPU (`scripts/bench-ab.py`: 0.972 and 0.970, docs/search.md).
    @inline(__always) private func find(hash: UInt64, length: Int) -> Int? {
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: hash >> 20) & mask
        while table[slot] >= 0 {
            let index = Int(table[slot])
            if entries[index].hash == hash && Int(entries[index].length) == length { return index }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private mutating func insert(_ entry: Entry) {
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: entry.hash >> 20) & mask
        while table[slot] >= 0 { slot = (slot + 1) & mask }
        table[slot] = Int32(entries.count)
        entries.append(entry)
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
