import HelpCenterDiagnostics
import HelpCenterRuleCitations

extension SiteBuilder {
    /// Rules cited in front matter must exist (inline `[!RULE]` citations are checked as they
    /// are rendered); an article older than the wording of a rule it cites may be out of date.
    /// The checks and their wording are `RuleCitationCheck`'s, shared with `helpcenter check`.
    func checkCitations(_ records: [PageRecord]) -> [Diagnostic] {
        let check = RuleCitationCheck(policy: policy)
        var diagnostics: [Diagnostic] = []
        for record in records where record.isPublished {
            guard let matter = record.article else { continue }
            let inline = record.body?.citedRules ?? []
            diagnostics += matter.rules.compactMap { check.unknownRule($0.value, at: $0.location) }
            for citation in matter.rules + inline {
                if let stale = check.staleArticle(citing: citation.value, updated: matter.updated, at: citation.location) {
                    diagnostics.append(stale)
                }
            }
        }
        return diagnostics
    }
}
