import HelpCenterRuleCitations

extension RuleCitationCheck {
    /// The check of citations against the site's policy data; with none, every citation is an error.
    init(policy: SitePolicy?) {
        self.init(
            rules: policy?.rules.map { Rule(id: $0.id, changed: $0.changed) },
            policyPath: policy?.wordingPath ?? "policy/backup-policy.yaml")
    }
}
