import Testing

@testable import HelpCenterFeedback

@Suite struct VoteRateLimiterTests {
    @Test func anAddressGetsItsVotesBackOverTime() {
        let limiter = VoteRateLimiter(perMinute: 2)
        #expect(limiter.admit("192.0.2.1", now: 0) == nil)
        #expect(limiter.admit("192.0.2.1", now: 0) == nil)
        #expect(limiter.admit("192.0.2.1", now: 0) == 30)
        #expect(limiter.admit("192.0.2.2", now: 0) == nil)
        #expect(limiter.admit("192.0.2.1", now: 30_000) == nil)
    }

    @Test(arguments: [
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
        ("2001:db8:1:2::9", "2001:db8:1:2::/64"),
        ("::ffff:192.0.2.7", "192.0.2.7"),
        ("192.0.2.7", "192.0.2.7"),
        ("2001:DB8::1", "2001:db8:0:0::/64"),
        // Not addresses: counted as written, where counting nine groups by hand made a
        // negative count and stopped the collector.
        ("1:2:3:4:5:6:7:8:9::", "1:2:3:4:5:6:7:8:9::"),
        ("::::", "::::"),
        ("unknown", "unknown"),
    ])
    func ipv6CountsPerSlash64(address: String, key: String) {
        #expect(VoteRateLimiter.key(address) == key)
    }

    @Test func onlyAddressesAreAddresses() {
        #expect(VoteRateLimiter.isAddress("192.0.2.7"))
        #expect(VoteRateLimiter.isAddress("2001:db8::1"))
        #expect(!VoteRateLimiter.isAddress("1:2:3:4:5:6:7:8:9::"))
        #expect(!VoteRateLimiter.isAddress("192.0.2.7:80"))
        #expect(!VoteRateLimiter.isAddress(""))
        // The system's parser stops at a NUL: what follows it is no part of an address (fuzz-collector).
        #expect(!VoteRateLimiter.isAddress("::\u{0}garbage"))
        #expect(!VoteRateLimiter.isAddress("192.0.2.7\u{0}"))
        #expect(VoteRateLimiter.address(forwarded: "::\u{0}\u{0}:192.0.2 x") == nil)
    }

    /// Some proxies write the client's port too; the address is what counts.
    @Test(arguments: [
        ("192.0.2.7:51234", "192.0.2.7"), ("[2001:db8::1]:443", "2001:db8::1"), (" 2001:db8::1 ", "2001:db8::1"), ("192.0.2.7", "192.0.2.7"),
    ])
    func aForwardedEntryMayCarryAPort(entry: String, address: String) {
        #expect(VoteRateLimiter.address(forwarded: entry) == address)
    }

    @Test(arguments: ["unknown", "192.0.2.7:80:1", "[2001:db8::1", "", "1:2:3:4:5:6:7:8:9::"])
    func aForwardedEntryWithoutAnAddressGivesNone(entry: String) {
        #expect(VoteRateLimiter.address(forwarded: entry) == nil)
    }

    @Test func aFloodOfAddressesDoesNotGrowMemoryWithoutBound() {
        let limiter = VoteRateLimiter(perMinute: 5, maximumAddresses: 100)
        for index in 0..<1_000 { _ = limiter.admit("198.18.\(index / 256).\(index % 256)", now: Int64(index) * 10) }
        #expect(limiter.trackedAddresses <= 101)
    }
}
