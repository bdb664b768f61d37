import HelpCenterConcurrency
import Synchronization

/// Collects the postings of every article as its page is rendered, then writes the index's
/// files once (`finish`). Each render worker fills a `Part` of its own, handed over at the end
/// (`absorb`). Memory stays small: per distinct word written in the site (per worker that saw
/// it), its bytes and its 32-bit postings (document number, weighted count, fields, quantised
/// length); the articles' texts are not kept. Words are found by their 64-bit hash and length;
/// a word's string is made only when the index is written.
public final class SearchIndexAccumulator: Sendable {
    /// The words of one part: each word once, found by its hash in an open-addressing table,
    /// with its postings in blocks of a slab. (This replaced a `[UInt64: Int32]` dictionary, a
    /// `String` per word and an array of postings per word: hashing the hash again and growing
    /// thousands of small arrays was a third of the accumulator's time, perf in docs/search.md.)
    struct Words {
        /// Postings per block; the block's last slot links to the next block.
        static let blockSize = 16
        private var table = [Int32](repeating: -1, count: 256)
        private var hashes: [UInt64] = []
        /// Word `i`'s bytes are `bytes[starts[i]..<starts[i + 1]]`.
        private var starts: [Int32] = [0]
        private var bytes: [UInt8] = []
        /// Per word: its first and last block, and its number of postings.
        private var lists: [(first: Int32, last: Int32, count: Int32)] = []
        /// The slab: blocks in chunks of `chunkBlocks`, so that no chunk is copied to grow. One
        /// array that doubled as it grew held its old and its new storage at once: with a slab
        /// per worker, that added about 4 MB to the build's peak memory (docs/search.md).
        private var chunks: [[UInt32]] = []
        private var blockCount = 0
        static let chunkBlocks = 4096

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
            if blockCount % Self.chunkBlocks == 0 { chunks.append([UInt32](repeating: 0, count: Self.chunkBlocks * Self.blockSize)) }
            blockCount += 1
            return Int32(blockCount - 1)
        }

        /// Where slot `position` of a block is: its chunk, and its index in the chunk.
        @inline(__always) private static func place(_ block: Int, _ position: Int) -> (chunk: Int, index: Int) {
            (block / chunkBlocks, block % chunkBlocks * blockSize + position)
        }

        private mutating func append(_ posting: UInt32, to id: Int) {
            var list = lists[id]
            let used = Int(list.count) % (Self.blockSize - 1)
            if used == 0 && list.count > 0 {
                let block = newBlock()
                let link = Self.place(Int(list.last), Self.blockSize - 1)
                chunks[link.chunk][link.index] = UInt32(block)
                list.last = block
            }
            let slot = Self.place(Int(list.last), used)
            chunks[slot.chunk][slot.index] = posting
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
                    let start = Self.place(block, 0)
                    postings += chunks[start.chunk][start.index..<start.index + taken]
                    left -= taken
                    block = Int(chunks[start.chunk][start.index + Self.blockSize - 1])
                }
                all.append((String(decoding: bytes[Int(starts[id])..<Int(starts[id + 1])], as: UTF8.self), postings))
            }
            return all
        }
    }

    /// One worker's share of the index: the postings of the articles it rendered, in tables
    /// only it writes (`parallelMap(_:workerState:_:)`), handed to the accumulator at the end
    /// (`absorb`). When 32 partitions behind locks were shared by every core instead, each
    /// posting's table entry and block were usually last written by the other core, and moving
    /// those cache lines cost more than the work itself: the postings took 2.6 times the CPU on
    /// two cores that they took on one (perf, docs/search.md).
    public struct Part: Sendable {
        fileprivate let language: SearchLanguage
        fileprivate var words = Words()
        fileprivate var documents = 0
        fileprivate var length = 0

        /// Adds one article's words. `number` is its position in the site (its fragment is
        /// `d-<number>.js`).
        public mutating func add(_ document: SearchDocument, number: Int) {
            guard number >= 0, number < SearchIndexAccumulator.maximumDocuments else { return }
            let counter = document.count(language: language)
            let quantised = UInt32(SearchPosting.quantise(length: counter.length))
            let base = UInt32(number) << 12 | quantised
            for entry in counter.words {
                let posting = base | UInt32(min(Int(entry.weight), SearchPosting.maximumWeight)) << 6 | UInt32(entry.fields.rawValue) << 4
                words.add(counter.word(entry), hash: entry.hash, posting: posting)
            }
            documents += 1
            length += counter.length
        }
    }

    public let language: SearchLanguage
    /// The workers' parts; `add` adds to the first.
    private let parts = Mutex<[Part]>([])

    /// The largest document number a posting can hold (20 bits).
    public static let maximumDocuments = 1 << 20

    public init(language: SearchLanguage) {
        self.language = language
    }

    /// An empty part, for a worker to fill and hand back with `absorb`.
    public func makePart() -> Part { Part(language: language) }

    /// Takes workers' parts over.
    public func absorb(_ parts: [Part]) {
        self.parts.withLock { $0 += parts }
    }

    /// Adds one article's words from any thread, in turn (the preview and tests; the build's
    /// workers fill parts of their own).
    public func add(_ document: SearchDocument, number: Int) {
        parts.withLock { parts in
            if parts.isEmpty { parts.append(makePart()) }
            parts[0].add(document, number: number)
        }
    }

    /// Every word with its postings, sorted by word; the parts are taken over. A word that
    /// several workers saw has its lists joined (in no particular order: the builder sorts each
    /// stem's postings by document).
    func takeWords() -> [(word: String, postings: [UInt32])] {
        var taken = parts.withLock { parts in
            var taken: [Part] = []
            swap(&taken, &parts)
            return taken
        }
        guard taken.count > 1 else { return (taken.first?.words.all() ?? []).sorted { $0.word < $1.word } }
        // Part by part, each freed once read: the joined lists grow as the parts go, and only
        // the part being read exists twice (in its slab and in the lists `all()` made of it).
        var joined: [String: [UInt32]] = [:]
        while let part = taken.popLast() {
            for (word, postings) in part.words.all() { joined[word, default: []] += postings }
        }
        return joined.map { (word: $0.key, postings: $0.value) }.sorted { $0.word < $1.word }
    }

    /// The documents added and their total length in indexed words.
    private var totals: (documents: Int, length: Int) {
        parts.withLock { parts in parts.reduce((0, 0)) { ($0.0 + $1.documents, $0.1 + $1.length) } }
    }

    /// The index's files (names under `search/index/`): the manifest and the term shards (the
    /// fragments are written by the articles' render jobs). Takes the postings over: call it once.
    public func finish(settings: SearchSettings) -> [(name: String, bytes: [UInt8])] {
        let (documents, length) = totals
        let words = takeWords()
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
