import BackupPolicy

extension ReportRenderer {
    /// What `helpcenter check --list-rules` prints: one rule a line, in precedence order,
    /// with its kind (article or derived) and its title from the policy file.
    public static func ruleList(_ wording: PolicyWording) -> String {
        let width = PolicyRuleID.allCases.map(\.rawValue.count).max() ?? 0
        return PolicyRuleID.allCases.map { id in
            let name = id.rawValue + String(repeating: " ", count: width - id.rawValue.count)
            let kind = id.kind.rawValue + String(repeating: " ", count: 7 - id.kind.rawValue.count)
            return "\(name)  \(kind)  \(wording.wording(for: id)?.title ?? "")\n"
        }.joined()
    }
}
