import BackupPolicy
import HelpCenterDiagnostics

/// What replaying the suite under one policy variant gave: the scenarios that noticed it
/// (an error the real policy doesn't give), or none, when the variant survives.
public struct MutationResult: Sendable {
    /// The variant's id (`one-method/allow-both`).
    public var variant: String
    public var rule: PolicyRuleID
    public var summary: String
    /// The scenarios with an error under the variant that the real policy doesn't give, in
    /// suite order; `steps` are the new errors' locations.
    public var noticedBy: [ScenarioReference]

    /// Whether no scenario noticed the variant.
    public var survived: Bool { noticedBy.isEmpty }
}
