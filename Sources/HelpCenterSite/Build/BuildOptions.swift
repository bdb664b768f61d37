import HelpCenterDiagnostics

/// Choices for one build.
public struct BuildOptions: Sendable {
    /// Publish articles marked `draft: true`.
    public var includeDrafts: Bool
    /// Render pages with swift-mustache rather than the compiled renderer (for comparing them).
    var useReferenceRenderer = false
    /// Write the search index (`search/index/`); off only to measure what it costs
    /// (scripts/bench-search.sh), as the search box then finds nothing.
    public var searchIndex: Bool

    public init(includeDrafts: Bool = false, searchIndex: Bool = true) {
        self.includeDrafts = includeDrafts
        self.searchIndex = searchIndex
    }
}

/// What a build found and did.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var articleCount: Int
    public var collectionCount: Int
    public var pagesWritten: Int
    public var filesCopied: Int
    /// How long each phase took, in order (`helpcenter build --timings` prints them).
    public var timings: [(phase: String, seconds: Double)] = []

    /// True when nothing stops the site from being published.
    public var succeeded: Bool { !diagnostics.hasErrors }
}
