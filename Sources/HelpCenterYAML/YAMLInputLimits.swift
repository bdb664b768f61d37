/// Bounds that keep a hostile YAML text (huge, deeply nested, an alias bomb) from taking
/// unbounded time, stack or memory. Every YAML text this program reads goes through
/// `GuardedYAML` with one of the presets below; docs/limits.md explains each figure.
public struct YAMLInputLimits: Sendable, Hashable {
    public var kind: YAMLDocumentKind
    /// Largest text accepted, in bytes.
    public var maximumSize: Int
    /// Deepest nesting of collections accepted (libyaml recurses once per level).
    public var maximumNesting: Int
    /// Most values the composed document may hold once every alias is expanded, per byte
    /// of text, plus a fixed allowance: a small file whose anchors refer to anchors (`*a6`
    /// standing for nine `*a5`, each for nine `*a4`, …) expands exponentially.
    public var nodesPerByte: Int
    public var nodeAllowance: Int

    public init(kind: YAMLDocumentKind, maximumSize: Int, maximumNesting: Int, nodesPerByte: Int = 4, nodeAllowance: Int = 10_000) {
        self.kind = kind
        self.maximumSize = maximumSize
        self.maximumNesting = maximumNesting
        self.nodesPerByte = nodesPerByte
        self.nodeAllowance = nodeAllowance
    }

    /// The value budget for a text of `byteCount` bytes.
    public func nodeBudget(forTextOf byteCount: Int) -> Int {
        byteCount.multipliedReportingOverflow(by: nodesPerByte).partialValue + nodeAllowance
    }

    /// Scenario files: generated suites can be large, and nest a few levels.
    public static let scenarioFile = YAMLInputLimits(kind: .scenarioFile, maximumSize: 8 * 1024 * 1024, maximumNesting: 64)
    /// An article's front matter: a few dozen short fields.
    public static let frontMatter = YAMLInputLimits(kind: .frontMatter, maximumSize: 64 * 1024, maximumNesting: 16, nodeAllowance: 1_000)
    public static let siteConfiguration = YAMLInputLimits(kind: .siteConfiguration, maximumSize: 1024 * 1024, maximumNesting: 16)
    public static let policyFile = YAMLInputLimits(kind: .policyFile, maximumSize: 1024 * 1024, maximumNesting: 16)
    public static let vocabularyFile = YAMLInputLimits(kind: .vocabularyFile, maximumSize: 1024 * 1024, maximumNesting: 16)
}
