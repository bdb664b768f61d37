import BackupPolicy

/// What `helpcenter check` verifies about the suite as a whole, beyond each scenario: the
/// coverage of every rule by citing articles and deciding scenarios (with unknown and stale
/// citations), and, when variants are given, mutation testing.
public struct SuiteAudit: Sendable {
    /// The policy file, for rule wording, change dates and rule locations.
    public var document: PolicyDocument
    /// Every rule citation in the articles.
    public var citations: [RuleCitation]
    /// Whether an uncovered rule is an error (`--require-coverage`) rather than a warning.
    public var requireCoverage: Bool
    /// The policy variants to run the suite against; empty runs no mutation testing.
    public var variants: [PolicyVariant]
    /// Whether the scenarios checked are the whole suite. A rule that no scenario shows deciding
    /// is reported only then: a check of some of the suite's files (`helpcenter check
    /// scenarios/recovery.yaml`) would otherwise warn about every rule those files leave to
    /// the others.
    public var wholeSuite: Bool

    public init(
        document: PolicyDocument, citations: [RuleCitation] = [], requireCoverage: Bool = false, variants: [PolicyVariant] = [],
        wholeSuite: Bool = true
    ) {
        self.document = document
        self.citations = citations
        self.requireCoverage = requireCoverage
        self.variants = variants
        self.wholeSuite = wholeSuite
    }
}
