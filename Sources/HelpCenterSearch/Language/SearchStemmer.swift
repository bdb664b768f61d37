import CStemmer
import Synchronization

/// The Snowball stemmer of a language, through libstemmer (Debian `libstemmer-dev`): the only
/// Swift code that sees a libstemmer pointer. `sb_stemmer` keeps its work buffer inside the
/// object, so one object must not stem on two threads at once: each `SearchStemmer` owns one
/// and stems under a lock. The build makes one per thread of its final pass (see
/// `SearchIndexAccumulator.finish`), so the lock is never contended.
public final class SearchStemmer: Sendable {
    /// The C object, behind the lock (an opaque pointer stored as a bit pattern so that the
    /// lock's value is `Sendable`; it is never used outside `stem`).
    private let stemmer: Mutex<UInt>
    public let algorithm: String

    /// The stemmer for a Snowball algorithm name (`english`, `french`, …); nil when libstemmer
    /// has none by that name.
    public init?(algorithm: String) {
        guard let pointer = sb_stemmer_new(algorithm, "UTF_8") else { return nil }
        self.stemmer = Mutex(UInt(bitPattern: pointer))
        self.algorithm = algorithm
    }

    deinit {
        let bits = stemmer.withLock { $0 }
        if let pointer = OpaquePointer(bitPattern: bits) { sb_stemmer_delete(pointer) }
    }

    /// The stem of a lower-case word; the word itself when the stemmer fails (out of memory).
    public func stem(_ word: String) -> String {
        stemmer.withLock { bits -> String in
            guard let pointer = OpaquePointer(bitPattern: bits) else { return word }
            var word = word
            return word.withUTF8 { buffer -> String in
                guard let base = buffer.baseAddress, let result = sb_stemmer_stem(pointer, base, Int32(buffer.count)) else {
                    return String(decoding: buffer, as: UTF8.self)
                }
                let length = Int(sb_stemmer_length(pointer))
                return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
            }
        }
    }

    /// The Snowball algorithms libstemmer knows.
    public static var algorithms: [String] {
        var names: [String] = []
        guard var list = sb_stemmer_list() else { return names }
        while let name = list.pointee {
            names.append(String(cString: name))
            list += 1
        }
        return names
    }
}
