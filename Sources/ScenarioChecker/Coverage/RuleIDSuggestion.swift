import BackupPolicy
import HelpCenterDiagnostics

/// The rule id closest to a misspelt one, for "did you mean" in messages.
enum RuleIDSuggestion {
    /// The known id within a third of its length in edits of `text`, if any.
    static func closest(to text: String) -> PolicyRuleID? {
        let wanted = Array(text.lowercased())
        let candidates = PolicyRuleID.allCases.map { ($0, EditDistance.between(wanted, Array($0.rawValue))) }
        guard let best = candidates.min(by: { $0.1 < $1.1 }), best.1 <= max(2, best.0.rawValue.count / 3) else { return nil }
        return best.0
    }
}
