import HelpCenterConcurrency
import Synchronization

/// Collects the postings of every article as its page is rendered (from any thread), then
/// writes the index's files once (`finish`). Memory stays small: per distinct word written in
/// the site, one array of 32-bit postings (document number, weighted count, fields, quantised
/// length); the articles' texts are not kept. The dictionaries are split into partitions, each
/// behind its own lock, so the render threads rarely wait for each other.
public final class SearchIndexAccumulator: Sendable {
    final class Partition: Sendable {
        let postings = Mutex<[String: [UInt32]]>([:])
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
        let (terms, length) = document.terms(stopWords: language.stopWords)
        let quantised = UInt32(SearchPosting.quantise(length: length))
        var grouped = [[(String, UInt32)]](repeating: [], count: partitions.count)
        for (word, term) in terms {
            let posting =
                UInt32(number) << 12 | UInt32(min(term.weightedCount, SearchPosting.maximumWeight)) << 6 | UInt32(term.fields.rawValue) << 4
                | quantised
            grouped[Self.partition(of: word, count: partitions.count)].append((word, posting))
        }
        for (slot, entries) in grouped.enumerated() where !entries.isEmpty {
            partitions[slot].postings.withLock { postings in
                for (word, posting) in entries { postings[word, default: []].append(posting) }
            }
        }
        totals.withLock {
            $0.documents += 1
            $0.length += length
        }
    }

    /// A partition by the word's bytes (a fixed hash, so that a word always lands in the same one).
    static func partition(of word: String, count: Int) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in word.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash % UInt32(count))
    }

    /// Every word with its postings, sorted by word.
    func words() -> [(word: String, postings: [UInt32])] {
        var all: [(word: String, postings: [UInt32])] = []
        for partition in partitions {
            partition.postings.withLock { postings in
                for (word, list) in postings { all.append((word, list)) }
            }
        }
        return all.sorted { $0.word < $1.word }
    }

    /// The index's files (names under `search/index/`), for `documentCount` articles
    /// numbered from 0: the manifest and the term shards (the fragments are written by the
    /// articles' render jobs).
    public func finish(settings: SearchSettings) -> [(name: String, bytes: [UInt8])] {
        let words = words()
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
