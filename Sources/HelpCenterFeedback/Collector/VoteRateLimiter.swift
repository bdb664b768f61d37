import Foundation
import NIOCore
import Synchronization

/// Votes per client address, held in memory only (never stored): a token bucket per address
/// that holds `perMinute` votes and refills at that rate. IPv6 addresses count per /64, as one
/// household or phone usually has a whole /64 (docs/feedback.md: Rate limit).
public final class VoteRateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: Int64
    }

    private struct State {
        var buckets: [String: Bucket] = [:]
        var lastPrune: Int64 = 0
    }

    public let perMinute: Int
    private let maximumAddresses: Int
    private let state = Mutex(State())

    /// `perMinute` 0 turns the limit off.
    public init(perMinute: Int, maximumAddresses: Int = 100_000) {
        self.perMinute = perMinute
        self.maximumAddresses = maximumAddresses
    }

    /// Nil when the vote is admitted, otherwise the seconds until the address may vote again.
    public func admit(_ address: String, now: Int64) -> Int? {
        guard perMinute > 0 else { return nil }
        let key = Self.key(address)
        let capacity = Double(perMinute)
        let perMillisecond = capacity / 60_000
        return state.withLock { state in
            var bucket = state.buckets[key] ?? Bucket(tokens: capacity, updated: now)
            bucket.tokens = min(capacity, bucket.tokens + Double(max(0, now - bucket.updated)) * perMillisecond)
            bucket.updated = now
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                state.buckets[key] = bucket
                if state.buckets.count > maximumAddresses { prune(&state, now: now, perMillisecond: perMillisecond) }
                return nil
            }
            state.buckets[key] = bucket
            return max(1, Int(((1 - bucket.tokens) / perMillisecond / 1000).rounded(.up)))
        }
    }

    public var trackedAddresses: Int { state.withLock { $0.buckets.count } }

    /// Forgets the addresses whose bucket is full again; when a flood of addresses leaves too many
    /// anyway, forgets them all (the limit then starts afresh rather than memory growing).
    private func prune(_ state: inout State, now: Int64, perMillisecond: Double) {
        guard now - state.lastPrune >= 1_000 else { return }
        state.lastPrune = now
        let capacity = Double(perMinute)
        state.buckets = state.buckets.filter { _, bucket in bucket.tokens + Double(now - bucket.updated) * perMillisecond < capacity }
        if state.buckets.count > maximumAddresses { state.buckets.removeAll(keepingCapacity: true) }
    }

    /// The address an IPv4 client is counted under, or the /64 of an IPv6 one. An address is
    /// read by the system's parser (`inet_pton`, through SwiftNIO) before its groups are
    /// counted: a header value such as `1:2:3:4:5:6:7:8:9::` is no address, and counting its
    /// groups by hand made a negative count that stopped the collector. What does not parse is
    /// counted as it is written (the collector only passes parsed addresses or its peer's).
    static func key(_ address: String) -> String {
        guard let parsed = try? SocketAddress(ipAddress: address, port: 0), let canonical = parsed.ipAddress else { return address }
        guard case .v6 = parsed else { return canonical }
        if canonical.hasPrefix("::ffff:"), canonical.contains(".") { return String(canonical.dropFirst(7)) }
        var groups = canonical.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if let gap = groups.firstIndex(of: "") {
            let present = groups.filter { !$0.isEmpty }
            groups =
                Array(groups[..<gap].filter { !$0.isEmpty }) + Array(repeating: "0", count: max(0, 8 - present.count))
                + Array(groups[gap...].filter { !$0.isEmpty })
        }
        return groups.prefix(4).joined(separator: ":") + "::/64"
    }

    /// Whether `text` is an IPv4 or IPv6 address (without a port).
    static func isAddress(_ text: String) -> Bool {
        // Only an address's characters: the system's parser reads a C string, so `::` followed
        // by a NUL and anything at all passed as `::`, with the rest kept in the key (found by
        // fuzz-collector; docs/fuzzing.md).
        let allowed = text.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte | 0x20) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
        }
        return !text.isEmpty && allowed && (try? SocketAddress(ipAddress: text, port: 0)) != nil
    }

    /// The address in an `X-Forwarded-For` entry, which some proxies write with a port
    /// (`192.0.2.7:51234`, `[2001:db8::1]:443`); nil when it holds none. Public for the fuzz
    /// target (Fuzz/Sources/FuzzCollector).
    public static func address(forwarded entry: String) -> String? {
        var text = entry.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            text = String(text[text.index(after: text.startIndex)..<close])
        } else if text.contains("."), let colon = text.firstIndex(of: ":"), text.filter({ $0 == ":" }).count == 1 {
            text = String(text[..<colon])
        }
        return isAddress(text) ? text : nil
    }
}
