import BackupPolicy
import HelpCenterDiagnostics

/// The policy data file as read: the wording and parameters, and where each rule's entry
/// is, so that findings about a rule as a whole (no citing article, a surviving mutant) can
/// point at it.
public struct PolicyDocument: Sendable {
    /// The path as given (`policy/backup-policy.yaml`).
    public var path: String
    public var wording: PolicyWording
    /// The position of each rule's `- id:` item.
    public var ruleLocations: [PolicyRuleID: SourceLocation]

    public init(path: String, wording: PolicyWording, ruleLocations: [PolicyRuleID: SourceLocation] = [:]) {
        self.path = path
        self.wording = wording
        self.ruleLocations = ruleLocations
    }

    /// Where `rule` is written; the top of the file when the position is unknown.
    public func location(of rule: PolicyRuleID) -> SourceLocation {
        ruleLocations[rule] ?? SourceLocation(path: path)
    }
}
