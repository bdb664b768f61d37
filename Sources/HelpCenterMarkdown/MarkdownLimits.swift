import HelpCenterDiagnostics

/// Bounds on what one Markdown document may ask of the parser and the renderer, so that a
/// writer's typo or a hostile file gives a located error instead of a crash, a stall or a
/// memory blow-up. docs/limits.md gives the reasoning behind each figure.
public struct MarkdownLimits: Sendable, Hashable {
    /// Largest document, in bytes (the longest real help articles are a few tens of KB; some of
    /// libcmark-gfm's paths cost microseconds a byte, so this bounds the worst case).
    public var maximumSize: Int
    /// Deepest nesting of elements (block quotes, lists and their items, emphasis, links),
    /// counted from the document: a list inside a list item is two levels more.
    public var maximumNesting: Int
    /// Most columns in one table (libcmark-gfm's table parser is quadratic in them).
    public var maximumTableColumns: Int
    /// Most table cells in one document, counting the cells the table extension adds to
    /// short rows: a wide header over many one-word lines multiplies into millions.
    public var maximumTableCells: Int

    public init(maximumSize: Int, maximumNesting: Int, maximumTableColumns: Int, maximumTableCells: Int) {
        self.maximumSize = maximumSize
        self.maximumNesting = maximumNesting
        self.maximumTableColumns = maximumTableColumns
        self.maximumTableCells = maximumTableCells
    }

    /// The limits every article, collection and home page is held to.
    public static let standard = MarkdownLimits(
        maximumSize: 512 * 1024, maximumNesting: 100, maximumTableColumns: 200, maximumTableCells: 100_000)
}

/// A document the limits refuse: what was found, where, and what is allowed.
public typealias MarkdownLimitExceeded = TextProblem
