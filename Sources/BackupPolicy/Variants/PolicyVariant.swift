/// A variant of the policy that breaks one rule: the rule is dropped, or replaced by an
/// ``AlteredRule``. Mutation testing replays the scenario suite under each variant; a
/// variant that no scenario notices is behaviour the suite doesn't pin down.
public struct PolicyVariant: Sendable {
    /// A stable id, `rule/what-changes` (`one-method/allow-both`).
    public var id: String
    /// The rule the variant breaks.
    public var rule: PolicyRuleID
    /// What the variant does, as a sentence fragment ("allow both a phone and an email").
    public var summary: String
    /// The rule that takes the original's place; `nil` drops the rule.
    public var replacement: (any PolicyRule)?

    public init(rule: PolicyRuleID, name: String, summary: String, replacement: (any PolicyRule)?) {
        self.id = "\(rule.rawValue)/\(name)"
        self.rule = rule
        self.summary = summary
        self.replacement = replacement
    }

    /// `policy` with this variant's rule dropped or replaced; everything else unchanged.
    public func applied(to policy: BackupPolicy) -> BackupPolicy {
        var variant = policy
        variant.rules = policy.rules.compactMap { existing in
            guard existing.id == rule else { return existing }
            return replacement
        }
        return variant
    }
}
