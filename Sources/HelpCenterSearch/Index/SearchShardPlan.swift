/// How the term shards divide the words: each shard holds the words (surface forms and stems)
/// whose longest listed prefix is its own. A prefix whose words weigh more than `limit` bytes
/// is split by one more character, its largest branches first, until what stays with it fits;
/// the empty prefix is always listed, so every word has a shard. `search.js` finds a word's
/// shard the same way (`shardOf`), from the manifest's list.
struct SearchShardPlan {
    /// Sorted, the empty prefix first.
    let prefixes: [String]
    private let listed: Set<String>
    /// The longest prefix listed, in characters.
    private let longest: Int

    init(_ sizes: [(key: String, size: Int)], limit: Int) {
        var prefixes: [String] = []
        Self.split(sizes.map { (Array($0.key.unicodeScalars), $0.size) }, depth: 0, prefix: [], limit: limit, into: &prefixes)
        if !prefixes.contains("") { prefixes.append("") }
        self.prefixes = prefixes.sorted()
        self.listed = Set(prefixes)
        self.longest = prefixes.map { $0.unicodeScalars.count }.max() ?? 0
    }

    private static func split(_ entries: [([Unicode.Scalar], Int)], depth: Int, prefix: [Unicode.Scalar], limit: Int, into prefixes: inout [String]) {
        var total = entries.reduce(0) { $0 + $1.1 }
        if total <= limit || depth >= 12 {
            prefixes.append(String(String.UnicodeScalarView(prefix)))
            return
        }
        var branches: [Unicode.Scalar: [([Unicode.Scalar], Int)]] = [:]
        for entry in entries where entry.0.count > depth { branches[entry.0[depth], default: []].append(entry) }
        let bySize = branches.map { (scalar: $0.key, entries: $0.value, size: $0.value.reduce(0) { $0 + $1.1 }) }
            .sorted { $0.size > $1.size || ($0.size == $1.size && $0.scalar.value < $1.scalar.value) }
        for branch in bySize where total > limit {
            split(branch.entries, depth: depth + 1, prefix: prefix + [branch.scalar], limit: limit, into: &prefixes)
            total -= branch.size
        }
        if total > 0 { prefixes.append(String(String.UnicodeScalarView(prefix))) }
    }

    /// The prefix of the shard that holds `word`.
    func shard(for word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        var length = min(longest, scalars.count)
        while length > 0 {
            let prefix = String(String.UnicodeScalarView(scalars[0..<length]))
            if listed.contains(prefix) { return prefix }
            length -= 1
        }
        return ""
    }

    /// The prefix as it appears in a file name: itself when it is only ASCII letters and digits,
    /// `_` for the empty prefix, otherwise `-` and its UTF-8 bytes in hexadecimal.
    static func fileKey(_ prefix: String) -> String {
        if prefix.isEmpty { return "_" }
        if prefix.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }) { return prefix }
        let hex = Array("0123456789abcdef".utf8)
        return "-" + String(decoding: prefix.utf8.flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 15)]] }, as: UTF8.self)
    }
}
