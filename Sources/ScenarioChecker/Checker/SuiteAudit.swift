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

    public init(document: PolicyDocument, citations: [RuleCitation] = [], requireCoverage: Bool = false, variants: [PolicyVariant] = []) {
        self.document = document
        self.citations = citations
        self.requireCoverage = requireCoverage
        self.variants = variants
    }
}
