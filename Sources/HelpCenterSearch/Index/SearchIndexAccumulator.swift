import HelpCenterConcurrency
import Synchronization

/// Collects the postings of every article as its page is rendered (from any thread), then
/// writes the index's files once (`finish`). Memory stays small: per distinct word written in
/// the site, its bytes and its 32-bit postings (document number, weighted count, fields,
/// quantised length); the articles' texts are not kept. Words are found by their 64-bit hash
/// and length in 32 partitions, each behind its own lock, so the render threads rarely wait
/// for each other; a word's string is made only when the index is written.
public final class SearchIndexAccumulator: Sendable {
    /// The words whose hash falls in one partition: each word once, found by its hash in an
    /// open-addressing table, with its postings in blocks of a shared slab. (This replaced a `[UInt64: Int32]` dictionary, a `String` per word and an
    /// array of postings per word: hashing the hash again and growing thousands of small arrays
    /// was a third of the accumulator's time, perf in docs/search.md.)
    struct Words {
        /// Postings per block; the block's last slot links to the next block.
        static let blockSize = 16
        private var table = [Int32](repeating: -1, count: 256)
        private var hashes: [UInt64] = []
        /// Word `i`'s bytes are `bytes[starts[i]..<starts[i + 1]]`.
        private var starts: [Int32] = [0]
        private var bytes: [UInt8] = []
        /// Per word: its first and last block in `slab`, and its number of postings.
        private var lists: [(first: Int32, last: Int32, count: Int32)] = []
        private var slab: [UInt32] = []

        /// A word is known by its 64-bit hash and its length, as in `SearchTermCounter`: two
        /// of the site's distinct words share both with a chance of about n² / 2⁶⁵ (below one
        /// in ten million for a million distinct words), so the bytes are not compared.
        mutating func add(_ word: ArraySlice<UInt8>, hash: UInt64, posting: UInt32) {
            let mask = table.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while table[slot] >= 0 {
                let id = Int(table[slot])
                if hashes[id] == hash && Int(starts[id + 1] - starts[id]) == word.count {
                    append(posting, to: id)
                    return
                }
                slot = (slot + 1) & mask
            }
            let id = hashes.count
            table[slot] = Int32(id)
            hashes.append(hash)
            bytes.append(contentsOf: word)
            starts.append(Int32(bytes.count))
            let block = newBlock()
            lists.append((block, block, 0))
            append(posting, to: id)
            if hashes.count * 2 > table.count { grow() }
        }

        private mutating func newBlock() -> Int32 {
            let block = Int32(slab.count / Self.blockSize)
            slab.append(contentsOf: repeatElement(0, count: Self.blockSize))
            return block
        }

        private mutating func append(_ posting: UInt32, to id: Int) {
            var list = lists[id]
            let used = Int(list.count) % (Self.blockSize - 1)
            if used == 0 && list.count > 0 {
                let block = newBlock()
                slab[Int(list.last) * Self.blockSize + Self.blockSize - 1] = UInt32(block)
                list.last = block
            }
            slab[Int(list.last) * Self.blockSize + used] = posting
            list.count += 1
            lists[id] = list
        }

        private mutating func grow() {
            table = [Int32](repeating: -1, count: table.count * 2)
            let mask = table.count - 1
            for (id, hash) in hashes.enumerated() {
                var slot = Int(truncatingIfNeeded: hash) & mask
                while table[slot] >= 0 { slot = (slot + 1) & mask }
                table[slot] = Int32(id)
            }
        }

        /// Every word with its postings, in the order they were added.
        func all() -> [(word: String, postings: [UInt32])] {
            var all: [(word: String, postings: [UInt32])] = []
            all.reserveCapacity(lists.count)
            for (id, list) in lists.enumerated() {
                var postings: [UInt32] = []
                postings.reserveCapacity(Int(list.count))
                var block = Int(list.first)
                var left = Int(list.count)
                while left > 0 {
                    let taken = min(left, Self.blockSize - 1)
                    postings += slab[block * Self.blockSize..<block * Self.blockSize + taken]
                    left -= taken
                    block = Int(slab[block * Self.blockSize + Self.blockSize - 1])
                }
                all.append((String(decoding: bytes[Int(starts[id])..<Int(starts[id + 1])], as: UTF8.self), postings))
            }
            return all
        }
    }

    final class Partition: Sendable {
        let words = Mutex(Words())
    }

    public let language: SearchLanguage
    private let partitions: [Partition]
    private let totals = Mutex<(documents: Int, length: Int)>((0, 0))

    /// The largest document number a posting can hold (20 bits).
    public static let maximumDocuments = 1 << 20

    public init(language: SearchLanguage) {
        self.language = language
        self.partitions = (0..<32).map { _ in Partition() }
    }

    /// Adds one article's words. `number` is its position in the site (its fragment is
    /// `d-<number>.js`).
    public func add(_ document: SearchDocument, number: Int) {
        guard number >= 0, number < Self.maximumDocuments else { return }
        let counter = document.count(language: language)
        let quantised = UInt32(SearchPosting.quantise(length: counter.length))
        let base = UInt32(number) << 12 | quantised
        // The article's words grouped by partition (a counting sort), so that each partition's
        // lock is taken once per article.
        let count = partitions.count
        let entries = counter.words
        let slots = entries.map { Self.partition($0.hash, count: count) }
        var starts = [Int](repeating: 0, count: count + 1)
        for slot in slots { starts[slot + 1] += 1 }
        for slot in 0..<count { starts[slot + 1] += starts[slot] }
        var next = starts
        var grouped = [Int](repeating: 0, count: slots.count)
        for (index, slot) in slots.enumerated() {
            grouped[next[slot]] = index
            next[slot] += 1
        }
        for slot in 0..<count where starts[slot] < starts[slot + 1] {
            partitions[slot].words.withLock { words in
                for index in grouped[starts[slot]..<starts[slot + 1]] {
                    let entry = entries[entries.startIndex + index]
                    let posting = base | UInt32(min(Int(entry.weight), SearchPosting.maximumWeight)) << 6 | UInt32(entry.fields.rawValue) << 4
                    words.add(counter.word(entry), hash: entry.hash, posting: posting)
                }
            }
        }
        totals.withLock {
            $0.documents += 1
            $0.length += counter.length
        }
    }

    /// A partition by the word's hash (its top bits; the counter's table uses lower ones).
    static func partition(_ hash: UInt64, count: Int) -> Int {
        Int(truncatingIfNeeded: hash >> 58) % count
    }

    /// Every word with its postings, sorted by word; the partitions are left empty.
    func takeWords() -> [(word: String, postings: [UInt32])] {
        var all: [(word: String, postings: [UInt32])] = []
        for partition in partitions {
            let taken = partition.words.withLock { words in
                defer { words = Words() }
                return words
            }
            all += taken.all()
        }
        return all.sorted { $0.word < $1.word }
    }

    /// The index's files (names under `search/index/`): the manifest and the term shards (the
    /// fragments are written by the articles' render jobs). Takes the postings over: call it once.
    public func finish(settings: SearchSettings) -> [(name: String, bytes: [UInt8])] {
        let words = takeWords()
        let (documents, length) = totals.withLock { ($0.documents, $0.length) }
        let stems = stem(words.map(\.word))
        let index = SearchIndexBuilder(
            words: words, stems: stems, documentCount: documents, averageLength: documents == 0 ? 0 : Double(length) / Double(documents))
        return index.files(settings: settings, stopWords: language.stopWords, elisions: language.elisions)
    }

    /// Each word's stem, in order, on all cores (libstemmer's objects are not thread-safe:
    /// each slice gets its own).
    func stem(_ words: [String]) -> [String] {
        guard let algorithm = language.stemmerAlgorithm, SearchStemmer(algorithm: algorithm) != nil else { return words }
        let sliceSize = 4096
        let slices = stride(from: 0, to: words.count, by: sliceSize).map { words[$0..<min(words.count, $0 + sliceSize)] }
        let stemmed = parallelMap(slices.map { Array($0) }) { slice -> [String] in
            guard let stemmer = SearchStemmer(algorithm: algorithm) else { return slice }
            return slice.map { stemmer.stem($0) }
        }
        return stemmed.flatMap { $0 }
    }
}
