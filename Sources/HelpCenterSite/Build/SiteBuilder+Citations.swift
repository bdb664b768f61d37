import HelpCenterDiagnostics
import HelpCenterRuleCitations

extension SiteBuilder {
    /// Rules cited in front matter must exist (inline `[!RULE]` citations are checked as they
    /// are rendered); an article older than the wording of a rule it cites may be out of date.
    /// The checks and their wording are `RuleCitationCheck`'s, shared with `helpcenter check`.
    func checkCitations(_ records: [PageRecord]) -> [Diagnostic] {
        let check = RuleCitationCheck(policy: policy)
        var diagnostics: [Diagnostic] = []
        // Read in place: copying each record (a few dozen strings) was most of this loop.
        for position in records.indices where records[position].isPublished {
            guard let rules = records[position].article?.rules else { continue }
            let updated = records[position].article?.updated
            let inline = records[position].body?.citedRules ?? []
            diagnostics += rules.compactMap { check.unknownRule($0.value, at: $0.location) }
            for citation in rules + inline {
                if let stale = check.staleArticle(citing: citation.value, updated: updated, at: citation.location) {
                    diagnostics.append(stale)
                }
            }
        }
        return diagnostics
    }
}
