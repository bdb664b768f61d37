import HelpCenterYAML

/// Bounds that keep hostile scenario files (huge, deeply nested, alias bombs) from taking
/// unbounded time or memory. Each exceeded limit is a scenario error, not a crash.
public struct ScenarioInputLimits: Sendable, Hashable {
    /// Largest file read, in bytes.
    public var maximumFileSize: Int
    /// Deepest nesting of YAML collections accepted.
    public var maximumNesting: Int
    /// Most YAML nodes the reader visits per byte of file (aliases can make a small file
    /// expand to a huge tree), plus a fixed allowance.
    public var nodesPerByte: Int
    public var nodeAllowance: Int
    /// Most findings reported for one file; the rest are summed up in one more finding.
    public var maximumFindingsPerFile: Int

    public init(
        maximumFileSize: Int = 8 * 1024 * 1024,
        maximumNesting: Int = 64,
        nodesPerByte: Int = 4,
        nodeAllowance: Int = 10_000,
        maximumFindingsPerFile: Int = 1_000
    ) {
        self.maximumFileSize = maximumFileSize
        self.maximumNesting = maximumNesting
        self.nodesPerByte = nodesPerByte
        self.nodeAllowance = nodeAllowance
        self.maximumFindingsPerFile = maximumFindingsPerFile
    }

    /// The node budget for a file of `byteCount` bytes.
    func nodeBudget(forFileOf byteCount: Int) -> Int {
        yaml.nodeBudget(forTextOf: byteCount)
    }

    /// The same bounds as the guard every YAML text goes through.
    var yaml: YAMLInputLimits {
        YAMLInputLimits(
            kind: .scenarioFile, maximumSize: maximumFileSize, maximumNesting: maximumNesting,
            nodesPerByte: nodesPerByte, nodeAllowance: nodeAllowance)
    }
}
