import BackupPolicy

/// Which scenarios a run checks: `--tag`, `--rule` and `--name`. Within one kind any value
/// may match; across kinds all must. An empty filter selects everything.
public struct ScenarioFilter: Sendable, Hashable {
    /// A scenario carrying any of these tags.
    public var tags: [String]
    /// A scenario that cites any of these rules in `rules:`, or in which one decides
    /// something when replayed (a rejection, an observed field, a forbidden starting state).
    public var rules: [PolicyRuleID]
    /// A scenario whose name contains any of these, ignoring case.
    public var names: [String]

    public init(tags: [String] = [], rules: [PolicyRuleID] = [], names: [String] = []) {
        self.tags = tags
        self.rules = rules
        self.names = names
    }

    public var isEmpty: Bool { tags.isEmpty && rules.isEmpty && names.isEmpty }

    /// Whether the replayed scenario matches every kind of filter. A scenario that could not
    /// be read whole (a scenario error, not a warning) is always kept: its tags or rules may be
    /// what is wrong, as in `tags: smoke` written as text, which `--tag smoke` would pass over.
    func selects(_ report: ScenarioReport) -> Bool {
        if report.findings.contains(where: { $0.kind == .scenarioError && $0.severity == .error }) { return true }
        let tagged = tags.isEmpty || report.tags.contains { tags.contains($0) }
        let named = names.isEmpty || names.contains { report.name.lowercased().contains($0.lowercased()) }
        guard tagged, named else { return false }
        guard !rules.isEmpty else { return true }
        let involved = report.decidingRules.union(report.rules)
        return rules.contains { involved.contains($0) }
    }
}
