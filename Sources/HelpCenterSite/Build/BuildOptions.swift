import HelpCenterCalendar
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
    /// The day the build runs, in the writer's time zone: an article whose `updated:` is later
    /// (by more than a day, for time zones) gets a warning, as readers would see a date to come.
    /// nil: not checked (builds whose output must not depend on the day, such as tests').
    public var today: CalendarDate?

    public init(includeDrafts: Bool = false, searchIndex: Bool = true, today: CalendarDate? = nil) {
        self.includeDrafts = includeDrafts
        self.searchIndex = searchIndex
        self.today = today
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
    /// The articles left out as drafts (content paths): they need no translation.
    public var draftSources: Set<String> = []
    /// The same drafts by the site path each would have (`guides/x/`, or `guides/x.html`; a
    /// translation's with its language's prefix), to their display paths
    /// (`content/guides/x.md`): the preview names the draft at its address.
    public var draftPages: [String: String] = [:]

    /// True when nothing stops the site from being published.
    public var succeeded: Bool { !diagnostics.hasErrors }
}
