import HelpCenterDiagnostics
import HelpCenterSite

/// What one rebuild did, for the live-reload events and the terminal.
public struct RebuildOutcome: Sendable {
    /// The site's changes; nil when the build could not run (invalid configuration, unreadable folder).
    public var change: SiteChange?
    /// Everything to report (configuration and build), sorted; errors mean the last good site stays.
    public var diagnostics: [Diagnostic]
    /// How long the rebuild took, serving snapshot included.
    public var duration: Duration
    /// Of which: preparing the changed files for serving (script, entity tag) and swapping the snapshot.
    public var snapshotDuration: Duration = .zero
    /// The inputs that triggered it (empty for the first build or a full rebuild).
    public var trigger: Set<SiteInputChange>
    /// How the terminal names them: the changed files that exist after the rebuild, sorted, or,
    /// when none does, the removed ones ("guides/old.md (removed)"). A file that came and went
    /// within the batch is not named: `sed -i` writes `sed4CDCWL` beside the article and renames
    /// it onto the article, and the preview said "Rebuilt after guides/sed4CDCWL, guides/a.md".
    public var triggerNames: [String] = []
    /// What is worth printing again: every error, and the warnings the previous build did not
    /// have (a site's standing warnings are not repeated on every save).
    public var newDiagnostics: [Diagnostic] = []

    public var succeeded: Bool { change?.succeeded == true && !diagnostics.hasErrors }
    public var changedPaths: [String] { succeeded ? change?.changedPaths ?? [] : [] }
    public var removedPaths: [String] { succeeded ? change?.removedPaths ?? [] : [] }
}
