import HelpCenterConcurrency
import Synchronization

/// Collects the postings of every article as its page is rendered (from any thread), then
/// writes the index's files once (`finish`). Memory stays small: per distinct word written in
/// the site, its bytes once (`Lexicon`), and per article, one 64-bit number per distinct word
/// it has (the word's number and its 32-bit posting: document number, weighted count, fields,
/// quantised length); the articles' texts are not kept. A word's string is made only when the
/// index is written.
///
/// An article takes the lexicon's lock once, to number its words (a few hundred probes of a
/// table, microseconds against the hundreds of microseconds its page takes to render), and
/// the postings' lock once, to hand over its list. (This replaced 32 partitions of words, each
/// with its postings in linked blocks, that an article's words were sorted into: 4 % of the
/// 10,000-article build, against 1 % now; perf, docs/search.md.)
public final class SearchIndexAccumulator: Sendable {
    /// Every word met so far, numbered in the order met, found by its hash in an
    /// open-addressing table.
    struct Lexicon {
        private var table = [Int32](repeating: -1, count: 1024)
        private var hashes: [UInt64] = []
        /// Word `i`'s bytes are `bytes[starts[i]..<starts[i + 1]]`.
        private var starts: [Int32] = [0]
        private var bytes: [UInt8] = []

        var count: Int { hashes.count }

        /// The word's number, given it one if it is new. A word is known by its 64-bit hash and
        /// its length, as in `SearchTermCounter`: two of the site's distinct words share both
        /// with a chance of about n² / 2⁶⁵ (below one in ten million for a million distinct
        /// words), so the bytes are not compared.
        mutating func number(of word: ArraySlice<UInt8>, hash: UInt64) -> Int32 {
            let mask = table.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while table[slot] >= 0 {
                let id = Int(table[slot])
                if hashes[id] == hash && Int(starts[id + 1] - starts[id]) == word.count { return Int32(id) }
                slot = (slot + 1) & mask
            }
            let id = Int32(hashes.count)
            table[slot] = id
            hashes.append(hash)
            bytes.append(contentsOf: word)
            starts.append(Int32(bytes.count))
            if hashes.count * 2 > table.count { grow() }
            return id
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

        func word(_ id: Int) -> String {
            String(decoding: bytes[Int(starts[id])..<Int(starts[id + 1])], as: UTF8.self)
        }
    }

    /// What the articles handed over: each article's postings, `word number << 32 | posting`.
    struct Postings {
        var lists: [[UInt64]] = []
        var documents = 0
        var length = 0
    }

    public let language: SearchLanguage
    private let lexicon = Mutex(Lexicon())
    private let postings = Mutex(Postings())

    /// The largest document number a posting can hold (20 bits).
    public static let maximumDocuments = 1 << 20

    public init(language: SearchLanguage) {
        self.language = language
    }

    /// Adds one article's words. `number` is its position in the site (its fragment is
    /// `d-<number>.js`).
    public func add(_ document: SearchDocument, number: Int) {
        guard number >= 0, number < Self.maximumDocuments else { return }
        let counter = document.count(language: language)
        let quantised = UInt32(SearchPosting.quantise(length: counter.length))
        let base = UInt32(number) << 12 | quantised
        let entries = counter.words
        let ids = lexicon.withLock { lexicon in entries.map { lexicon.number(of: counter.word($0), hash: $0.hash) } }
        var list: [UInt64] = []
        list.reserveCapacity(ids.count)
        for (entry, id) in zip(entries, ids) {
            let posting = base | UInt32(min(Int(entry.weight), SearchPosting.maximumWeight)) << 6 | UInt32(entry.fields.rawValue) << 4
            list.append(UInt64(UInt32(id)) << 32 | UInt64(posting))
        }
        postings.withLock {
            $0.lists.append(list)
            $0.documents += 1
            $0.length += counter.length
        }
    }

    /// Every word with its postings, sorted by word; the accumulator is left empty.
    func takeWords() -> [(word: String, postings: [UInt32])] {
        let lexicon = self.lexicon.withLock { lexicon in
            defer { lexicon = Lexicon() }
            return lexicon
        }
        let lists = postings.withLock { postings in
            defer { postings.lists = [] }
            return postings.lists
        }
        // Counted first, so that each word's list is allocated once, at its size.
        var counts = [Int](repeating: 0, count: lexicon.count)
        for list in lists {
            for item in list { counts[Int(item >> 32)] += 1 }
        }
        var words: [(word: String, postings: [UInt32])] = (0..<lexicon.count).map { id in
            var postings: [UInt32] = []
            postings.reserveCapacity(counts[id])
            return (lexicon.word(id), postings)
        }
        for list in lists {
            for item in list { words[Int(item >> 32)].postings.append(UInt32(truncatingIfNeeded: item)) }
        }
        return words.sorted { $0.word < $1.word }
    }

    /// The index's files (names under `search/index/`): the manifest and the term shards (the
    /// fragments are written by the articles' render jobs). Takes the postings over: call it once.
    public func finish(settings: SearchSettings) -> [(name: String, bytes: [UInt8])] {
        let words = takeWords()
        let (documents, length) = postings.withLock { ($0.documents, $0.length) }
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
