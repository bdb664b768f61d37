import Foundation

/// One document's entry in a stem's postings, packed in 32 bits while the build collects them
/// (document number << 12 | weighted count << 6 | fields << 4 | quantised length) and written
/// as base-64 variable-length numbers (`encode`), which `search.js` decodes (`decodePostings`).
public enum SearchPosting {
    /// Weighted counts above this are stored as this (BM25 saturates long before).
    public static let maximumWeight = 63

    /// A document's length in indexed words, on a logarithmic scale of 16 steps (each about
    /// 1.5 times the one before, from 8 words to 6,000): `search.js` reads it back as
    /// `2 ^ (q / 1.6 + 3)`.
    public static func quantise(length: Int) -> Int {
        guard length > 8 else { return 0 }
        let value = (log2(Double(length)) - 3) * 1.6
        return min(15, max(0, Int(value.rounded())))
    }

    /// The digits of the encoding: 0-31 end a number, 32-63 carry 5 more bits.
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)

    static func appendNumber(_ value: UInt32, to output: inout [UInt8]) {
        var value = value
        while value >= 32 {
            output.append(alphabet[Int(32 + (value & 31))])
            value >>= 5
        }
        output.append(alphabet[Int(value)])
    }

    /// Postings sorted by document: for each, the gap from the previous document minus one
    /// (the first from -1), then its packed value (weighted count << 6 | fields << 4 | length).
    static func encode(_ postings: [UInt32]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(postings.count * 4)
        var previous: Int = -1
        for posting in postings {
            let document = Int(posting >> 12)
            appendNumber(UInt32(document - previous - 1), to: &output)
            appendNumber(posting & 0xFFF, to: &output)
            previous = document
        }
        return output
    }
}
