import HelpCenterCalendar
import HelpCenterDiagnostics

/// The one check of the policy rules an article cites, used by `helpcenter build` (front
/// matter `rules:` and `> [!RULE]` callouts) and by `helpcenter check` (its coverage report):
/// a cited id must be a rule of the policy, and an article should be newer than the wording of
/// each rule it cites. It works on plain values (ids and dates), so the site needs no
/// dependency on the policy engine, and both commands word their findings the same way.
public struct RuleCitationCheck: Sendable {
    /// A rule as the check needs it: its id and when its wording last changed.
    public struct Rule: Sendable, Equatable {
        public var id: String
        public var changed: CalendarDate?

        public init(id: String, changed: CalendarDate?) {
            self.id = id
            self.changed = changed
        }
    }

    /// The policy's rules in precedence order; `nil` when the project has no policy data.
    public var rules: [Rule]?
    /// Where the rules are written, for messages (`policy/backup-policy.yaml`).
    public var policyPath: String

    public init(rules: [Rule]?, policyPath: String) {
        self.rules = rules
        self.policyPath = policyPath
    }

    /// An error when `id` is not a rule of the policy (or there is no policy), suggesting the
    /// closest id when one is near, and listing the rules otherwise.
    public func unknownRule(_ id: String, at location: SourceLocation) -> Diagnostic? {
        guard let rules else {
            return .error(
                "the article cites the rule '\(id)', but this project has no policy data (\(policyPath))",
                at: location, id: "unknown-rule")
        }
        let ids = rules.map(\.id)
        guard !ids.contains(id) else { return nil }
        var message = "the article cites the rule '\(id)', which \(policyPath) doesn't have"
        if let guess = EditDistance.closest(to: id, in: ids) {
            message += "; did you mean '\(guess)'?"
        } else {
            message += "; its rules are: \(ids.joined(separator: ", "))"
        }
        return .error(message, at: location, id: "unknown-rule")
    }

    /// A warning when an article last updated on `updated` cites a rule whose wording changed
    /// after that day.
    public func staleArticle(citing id: String, updated: CalendarDate?, at location: SourceLocation) -> Diagnostic? {
        guard let updated, let changed = rules?.first(where: { $0.id == id })?.changed, updated < changed else { return nil }
        return .warning(
            "the article may be out of date: it was last updated on \(updated.iso), but the wording of the rule '\(id)' it cites changed on \(changed.iso); check it, then update 'updated'",
            at: location, id: "stale-article")
    }
}
