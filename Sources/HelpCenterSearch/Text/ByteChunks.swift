/// Eight bytes of UTF-8 text read as one 64-bit number and tested side by side (SWAR), for the
/// index's passes over every article's text: the term counter's words and the fragment's
/// sentence ends. Written by hand: the standard library has no byte search over a `Span`, and
/// these passes were among the largest parts of the index's cost (perf, docs/search.md).
enum ByteChunks {
    static let high: UInt64 = 0x8080_8080_8080_8080

    /// Eight bytes of `text` from `start` (at least eight are left), the first in the lowest
    /// byte: the order in which `SearchTermCounter.HashState` packs a word's bytes.
    @inline(__always) static func load(_ text: Span<UInt8>, _ start: Int) -> UInt64 {
        let low = UInt64(text[start]) | UInt64(text[start + 1]) << 8 | UInt64(text[start + 2]) << 16 | UInt64(text[start + 3]) << 24
        let high = UInt64(text[start + 4]) | UInt64(text[start + 5]) << 8 | UInt64(text[start + 6]) << 16 | UInt64(text[start + 7]) << 24
        return low | high << 32
    }

    /// 0x80 in each byte of `chunk` that equals `byte`, and nothing elsewhere (exact: the low
    /// seven bits are added without carrying into the next byte).
    @inline(__always) static func equal(_ chunk: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = chunk ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        let low = (difference & ~high) &+ ~high
        return ~(low | difference | ~high)
    }
}
