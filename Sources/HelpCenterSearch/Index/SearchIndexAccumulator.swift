import HelpCenterConcurrency
import Synchronization

/// Collects the postings of every article as its page is rendered (from any thread), then
/// writes the index's files once (`finish`). Memory stays small: per distinct word written in
/// the site, its string and one array of 32-bit postings (document number, weighted count,
/// fields, quantised length); the articles' texts are not kept. Words are found by their
/// 64-bit hash (checked against the word's bytes) in 32 partitions, each behind its own lock,
/// so the render threads rarely wait for each other, and a word's string is made only the first
/// time the site uses it.
public final class SearchIndexAccumulator: Sendable {
    /// The words whose hash falls in one partition: each word once, by hash, with its postings.
    struct Words {
        var ids: [UInt64: Int32] = [:]
        var words: [String] = []
        var postings: [[UInt32]] = []
        /// Words whose hash another word of the site already has (never seen in practice).
        var collisions: [String: [UInt32]] = [:]

        mutating func add(_ word: ArraySlice<UInt8>, hash: UInt64, posting: UInt32) {
            if let id = ids[hash] {
                let index = Int(id)
                if words[index].utf8.elementsEqual(word) {
                    postings[index].append(posting)
                } else {
                    collisions[String(decoding: word, as: UTF8.self), default: []].append(posting)
                }
                return
            }
            ids[hash] = Int32(words.count)
            words.append(String(decoding: word, as: UTF8.self))
            postings.append([posting])
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
        let slots = counter.entries.map { Self.partition($0.hash, count: count) }
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
                    let entry = counter.entries[index]
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
            for (index, word) in taken.words.enumerated() { all.append((word, taken.postings[index])) }
            for (word, list) in taken.collisions { all.append((word, list)) }
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
        return index.files(settings: settings, stopWords: language.stopWords)
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
