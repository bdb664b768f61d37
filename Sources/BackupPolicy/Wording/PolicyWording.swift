import HelpCenterCalendar

/// The words of one rule, owned by writers: a short title, the canonical sentence an
/// article shows, and when that wording last changed.
public struct RuleWording: Sendable, Hashable {
    public var id: PolicyRuleID
    public var title: String
    public var sentence: String
    /// `YYYY-MM-DD`.
    public var changed: String

    public init(id: PolicyRuleID, title: String, sentence: String, changed: String) {
        self.id = id
        self.title = title
        self.sentence = sentence
        self.changed = changed
    }
}

/// The policy data file's content: the wording of every rule and the parameters.
public struct PolicyWording: Sendable, Hashable {
    /// In precedence order.
    public var rules: [RuleWording]
    public var parameters: PolicyParameters

    public init(rules: [RuleWording], parameters: PolicyParameters) {
        self.rules = rules.sorted { $0.id < $1.id }
        self.parameters = parameters
    }

    public func wording(for id: PolicyRuleID) -> RuleWording? {
        rules.first { $0.id == id }
    }

    /// Checks that `ids` (as the data file spells them) are exactly the ids the policy
    /// implements, each once. Throws naming the missing, unknown and repeated ones.
    public static func checkRuleIDs(_ ids: [String], implemented: [PolicyRuleID] = PolicyRuleID.allCases) throws(RuleIDMismatch) {
        let known = Set(implemented.map(\.rawValue))
        let given = Set(ids)
        let missing = implemented.map(\.rawValue).filter { !given.contains($0) }
        let unknown = ids.filter { !known.contains($0) }
        var seen = Set<String>()
        let repeated = ids.filter { !seen.insert($0).inserted }
        if !missing.isEmpty || !unknown.isEmpty || !repeated.isEmpty {
            throw RuleIDMismatch(missing: missing, unknown: unknown, repeated: repeated)
        }
    }
}

/// The policy file's rule ids differ from the ids the checker implements.
public struct RuleIDMismatch: Error, Sendable, Hashable, CustomStringConvertible {
    public var missing: [String]
    public var unknown: [String]
    public var repeated: [String]

    public var description: String {
        var parts: [String] = []
        if !missing.isEmpty { parts.append("missing: \(missing.joined(separator: ", "))") }
        if !unknown.isEmpty { parts.append("unknown: \(unknown.joined(separator: ", "))") }
        if !repeated.isEmpty { parts.append("listed more than once: \(repeated.joined(separator: ", "))") }
        return "the policy file's rule ids differ from the rules the checker implements (\(parts.joined(separator: "; ")))"
    }
}

extension RuleWording {
    /// `changed` as a date; `nil` when the text is not a real `YYYY-MM-DD` day.
    public var changedDate: CalendarDate? { CalendarDate(parsing: changed) }
}
