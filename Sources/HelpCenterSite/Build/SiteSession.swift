import Foundation
import HelpCenterDiagnostics

/// Which input changed, for `SiteSession.rebuild(after:)`.
public struct SiteInputChange: Sendable, Hashable {
    public enum Tree: Sendable, Hashable {
        case content, templates, configuration, other
    }

    public var tree: Tree
    /// The path within its tree (`collection/article.md`, `assets/style.css`).
    public var path: String

    public init(_ tree: Tree, _ path: String) {
        self.tree = tree
        self.path = path
    }
}

/// What a rebuild changed in the site.
public struct SiteChange: Sendable {
    /// Output files that are new or whose bytes changed.
    public var changedPaths: [String]
    /// Output files that no longer exist.
    public var removedPaths: [String]
    public var diagnostics: [Diagnostic]
    /// False when the rebuild had errors: the previous (last good) site is kept.
    public var succeeded: Bool

    /// True when every changed file is a stylesheet (the browser can swap it without a reload).
    public var onlyStylesheetsChanged: Bool {
        !changedPaths.isEmpty && removedPaths.isEmpty && changedPaths.allSatisfy { $0.hasSuffix(".css") }
    }
}

/// A site kept in memory between builds, for the preview server: each rebuild reports which
/// output files changed, and a failed rebuild keeps the last good site.
///
/// Not safe for concurrent use: callers run one rebuild at a time.
public final class SiteSession: @unchecked Sendable {
    public private(set) var builder: SiteBuilder
    /// The last good site: output path → bytes.
    public private(set) var files: [String: Data] = [:]
    /// The diagnostics of the last rebuild (errors mean `files` is older than the sources).
    public private(set) var lastDiagnostics: [Diagnostic] = []

    public init(builder: SiteBuilder) {
        self.builder = builder
    }

    /// Replaces the configuration (after `helpcenter.yaml` changed).
    public func updateConfiguration(_ configuration: SiteConfiguration) {
        builder.configuration = configuration
    }

    /// Rebuilds after the given changes (all of the site when none are named).
    public func rebuild(after changes: Set<SiteInputChange> = []) throws -> SiteChange {
        let output = InMemorySiteOutput()
        let report = try builder.build(into: output)
        lastDiagnostics = report.diagnostics
        guard report.succeeded else {
            return SiteChange(changedPaths: [], removedPaths: [], diagnostics: report.diagnostics, succeeded: false)
        }
        let new = output.files
        let changed = new.filter { files[$0.key] != $0.value }.keys.sorted()
        let removed = files.keys.filter { new[$0] == nil }.sorted()
        files = new
        return SiteChange(changedPaths: changed, removedPaths: removed, diagnostics: report.diagnostics, succeeded: true)
    }
}
