import HelpCenterDiagnostics

extension SiteBuilder {
    /// Rules cited in front matter must exist (inline `[!RULE]` citations are checked as they
    /// are rendered); an article older than the wording of a rule it cites may be out of date.
    func checkCitations(_ records: [PageRecord]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for record in records where record.isPublished {
            guard let matter = record.article else { continue }
            let inline = record.body?.citedRules ?? []
            guard let policy else {
                for citation in matter.rules {
                    diagnostics.append(.error(
                        "'rules' cites '\(citation.value)', but this project has no policy data (policy/backup-policy.yaml)",
                        at: citation.location, id: "unknown-rule"))
                }
                continue
            }
            for citation in matter.rules where policy.rule(citation.value) == nil {
                let hint = policy.suggestions(for: citation.value, in: policy.rules.map(\.id))
                diagnostics.append(.error(
                    "'rules' cites an unknown rule '\(citation.value)'\(hint); the rules are listed in \(policy.wordingPath)",
                    at: citation.location, id: "unknown-rule"))
            }
            guard let updated = matter.updated else { continue }
            for citation in matter.rules + inline {
                guard let rule = policy.rule(citation.value), let changed = rule.changed, updated < changed else { continue }
                diagnostics.append(.warning(
                    "the article was updated \(updated.iso), before the wording of rule '\(rule.id)' changed on \(changed.iso): it may be out of date (check it, then update 'updated')",
                    at: citation.location, id: "stale-article"))
            }
        }
        return diagnostics
    }
}
