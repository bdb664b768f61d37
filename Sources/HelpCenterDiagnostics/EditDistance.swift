/// The Levenshtein distance, for the "did you mean" of messages: a misspelt front-matter
/// key, a broken link's nearest page, a rule id or scenario name typed wrong. It lives here
/// because every layer that words diagnostics (the site, the checker) already imports this
/// target, and a suggestion is part of a diagnostic's message.
public enum EditDistance {
    /// How many insertions, deletions and substitutions of elements turn `a` into `b`.
    ///
    /// With a `limit`, the work stops as soon as the distance must exceed it, and the answer
    /// is then some number greater than `limit` (callers only compare it with `limit`).
    /// Callers choose the element: UTF-8 bytes for paths, `Character`s for names.
    @inlinable
    public static func between<Element: Equatable>(_ a: [Element], _ b: [Element], limit: Int = .max) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The name closest to a misspelt one, ignoring case, when it is within a third of its own
    /// length in edits (at least 2); the first in `names` wins a tie. `nil`: none is close.
    /// A name whose length alone puts it out of reach is not compared, and each comparison
    /// stops at the distance allowed: a 190 KB value took 5 s against the rule ids (session
    /// 22's review), where names are a few dozen characters.
    public static func closest(to text: String, in names: [String]) -> String? {
        let wanted = Array(text.lowercased())
        var best: (name: String, distance: Int)?
        for name in names {
            let candidate = Array(name.lowercased())
            let allowed = max(2, candidate.count / 3)
            guard abs(candidate.count - wanted.count) <= allowed else { continue }
            let distance = between(wanted, candidate, limit: allowed)
            if distance <= allowed, distance < (best?.distance ?? .max) { best = (name, distance) }
        }
        return best?.name
    }

    /// ` (did you mean 'email'?)` for a misspelt name (`emial`, `App`), or nothing: `closest`
    /// as the messages word it.
    public static func didYouMean(_ text: String, among names: [String]) -> String {
        closest(to: text, in: names).map { " (did you mean '\($0)'?)" } ?? ""
    }
}
