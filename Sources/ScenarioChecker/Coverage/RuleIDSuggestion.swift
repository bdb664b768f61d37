import BackupPolicy

/// The rule id closest to a misspelt one, for "did you mean" in messages.
enum RuleIDSuggestion {
    /// The known id within a third of its length in edits of `text`, if any.
    static func closest(to text: String) -> PolicyRuleID? {
        let candidates = PolicyRuleID.allCases.map { ($0, distance(Array(text.lowercased()), Array($0.rawValue))) }
        guard let best = candidates.min(by: { $0.1 < $1.1 }), best.1 <= max(2, best.0.rawValue.count / 3) else { return nil }
        return best.0
    }

    /// Levenshtein distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, left) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, right) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
