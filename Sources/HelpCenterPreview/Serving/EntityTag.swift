import Foundation

/// Strong entity tags for served files, and the `If-None-Match` comparison.
public enum EntityTag {
    /// A quoted strong tag made from the length and a 64-bit FNV-1a hash of the bytes.
    public static func of(_ bytes: some Collection<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var count = 0
        let hashed: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            for byte in buffer {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
            count = buffer.count
        }
        if hashed == nil {
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                count += 1
            }
        }
        return "\"\(String(count, radix: 16))-\(String(hash, radix: 16))\""
    }

    /// True when an `If-None-Match` header names the tag (weak comparison, as RFC 9110 asks, or `*`).
    public static func ifNoneMatch(_ header: String, matches tag: String) -> Bool {
        for candidate in header.split(separator: ",") {
            var value = candidate.trimmingCharacters(in: .whitespaces)
            if value == "*" { return true }
            if value.hasPrefix("W/") { value = String(value.dropFirst(2)) }
            if value == tag { return true }
        }
        return false
    }
}
