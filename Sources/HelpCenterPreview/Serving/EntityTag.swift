import Crypto
import Foundation

/// Strong entity tags for served files, and the `If-None-Match` comparison.
public enum EntityTag {
    /// A quoted strong tag made from the length and the first 64 bits of the SHA-256 of the bytes.
    public static func of(_ bytes: some DataProtocol) -> String {
        let prefix = SHA256.hash(data: bytes).prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return "\"\(String(bytes.count, radix: 16))-\(String(prefix, radix: 16))\""
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
