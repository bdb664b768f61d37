import Dispatch
import Foundation
import HelpCenterDiagnostics
import HelpCenterInputFiles
import HelpCenterSite
import HelpCenterSiteFiles
import HelpCenterYAML
import Synchronization

/// Runs the site's builds, one at a time, on a thread of its own (a build is seconds of CPU
/// work that must not hold up the server's tasks), and publishes each good result to the store.
///
/// A content error keeps the last good site; an exception while rebuilding (a folder removed,
/// a file unreadable) becomes an error diagnostic: the preview never stops on bad input.
public final class SiteRebuilder: Sendable {
    /// The site configuration file, read again when it changes.
    public struct ConfigurationFile: Sendable {
        public var location: URL
        /// How diagnostics name it (`helpcenter.yaml`).
        public var displayPath: String

        public init(location: URL, displayPath: String) {
            self.location = location
            self.displayPath = displayPath
        }
    }

    /// Reads the policy again (wording, vocabulary, scenarios) after `policy/` or `scenarios/`
    /// changed; its errors are diagnostics (the caller turns read failures into errors at the file).
    public typealias PolicySource = @Sendable () -> (SitePolicy?, [Diagnostic])

    public let store: ServedSiteStore
    private let session: SiteSession
    private let configurationFile: ConfigurationFile?
    private let policySource: PolicySource?
    private let queue = DispatchQueue(label: "helpcenter.preview.rebuild", qos: .userInitiated)
    /// The diagnostics of the inputs read apart from the session (written on `queue`).
    private struct InputDiagnostics {
        var configuration: [Diagnostic] = []
        var policy: [Diagnostic] = []
        var firstBuild: [Diagnostic] = []
    }

    private let diagnostics = Mutex(InputDiagnostics())

    /// The first build's diagnostics (set once, before the rebuild loop starts).
    public var firstDiagnostics: [Diagnostic] { diagnostics.withLock { $0.firstBuild } }

    public init(session: SiteSession, configurationFile: ConfigurationFile?, policySource: PolicySource? = nil) {
        self.session = session
        self.configurationFile = configurationFile
        self.policySource = policySource
        store = ServedSiteStore(ServedSite(files: [:]))
    }

    /// The first build, before the server starts. I/O failures are thrown (the command cannot
    /// start); content errors are in the outcome (the server starts and shows them).
    public func buildFirst() throws -> RebuildOutcome {
        try queue.sync {
            let started = ContinuousClock.now
            let publication = PreviewPublication(store: store, session: session, replacesEverything: true)
            let change = try SitePublisher.run(into: publication) { try $0.rebuild(after: []) }.build
            diagnostics.withLock { $0.firstBuild = change.diagnostics }
            return RebuildOutcome(change: change, diagnostics: change.diagnostics, duration: ContinuousClock.now - started, trigger: [])
        }
    }

    /// Rebuilds after the given changes (everything when `everything`).
    public func rebuild(_ changes: Set<SiteInputChange>, everything: Bool) async -> RebuildOutcome {
        await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: self.rebuildNow(changes, everything: everything))
            }
        }
    }

    /// The rebuild, with how the terminal names what triggered it.
    private func rebuildNow(_ changes: Set<SiteInputChange>, everything: Bool) -> RebuildOutcome {
        // Read before the rebuild lists the folder again: which changed files were in the site.
        let listedBefore = Set(changes.filter { $0.tree != .content || session.listedContent($0.path) })
        var outcome = rebuildSite(changes, everything: everything)
        outcome.triggerNames = names(of: changes, listedBefore: listedBefore)
        return outcome
    }

    private func rebuildSite(_ changes: Set<SiteInputChange>, everything: Bool) -> RebuildOutcome {
        let started = ContinuousClock.now
        if everything || changes.contains(where: { $0.tree == .configuration }) {
            reloadConfiguration()
        }
        if everything || changes.contains(where: { $0.tree == .other }) {
            reloadPolicy()
        }
        let inputDiagnostics = diagnostics.withLock { $0.configuration + $0.policy }
        guard !inputDiagnostics.hasErrors else {
            return RebuildOutcome(change: nil, diagnostics: inputDiagnostics.sorted(), duration: ContinuousClock.now - started, trigger: changes)
        }
        do {
            // Built, then published to the snapshot the server reads only when it succeeded.
            let publication = PreviewPublication(store: store, session: session, replacesEverything: false)
            var built = ContinuousClock.now
            let change = try SitePublisher.run(into: publication) { publication in
                defer { built = ContinuousClock.now }
                return try publication.rebuild(after: everything ? [] : changes)
            }.build
            let finished = ContinuousClock.now
            var outcome = RebuildOutcome(
                change: change, diagnostics: (inputDiagnostics + change.diagnostics).sorted(),
                duration: finished - started, trigger: changes)
            outcome.snapshotDuration = finished - built
            return outcome
        } catch {
            let diagnostic = Diagnostic.error(
                "the site could not be rebuilt: \(error)", at: SourceLocation(path: session.builder.content.displayPath("")), id: "preview")
            return RebuildOutcome(change: nil, diagnostics: [diagnostic], duration: ContinuousClock.now - started, trigger: changes)
        }
    }

    /// `RebuildOutcome.triggerNames`: content and template files are looked for in their trees;
    /// the configuration and policy files are named as they are. A file that is gone is named
    /// as removed only when it was in the site before (`listedBefore`): `tmp123` or vim's
    /// `4913`, made and deleted within the batch, is not named at all.
    func names(of changes: Set<SiteInputChange>, listedBefore: Set<SiteInputChange>) -> [String] {
        let builder = session.builder
        func exists(_ change: SiteInputChange) -> Bool {
            switch change.tree {
            case .content: builder.content.contains(change.path)
            case .templates: builder.templates.contains(change.path)
            case .configuration, .other: true
            }
        }
        let present = changes.filter(exists).map(\.path).sorted()
        return present.isEmpty ? listedBefore.map { "\($0.path) (removed)" }.sorted() : present
    }

    /// Reads the policy again; its errors stop rebuilds until fixed (the last good site stays).
    private func reloadPolicy() {
        guard let policySource else { return }
        let (policy, found) = policySource()
        diagnostics.withLock { $0.policy = found }
        if !found.hasErrors { session.updatePolicy(policy) }
    }

    /// Reads the configuration file again (defaults when it is gone); its errors stop rebuilds until fixed.
    private func reloadConfiguration() {
        guard let configurationFile else { return }
        guard FileManager.default.fileExists(atPath: configurationFile.location.path) else {
            diagnostics.withLock { $0.configuration = [] }
            session.updateConfiguration(SiteConfiguration())
            return
        }
        guard let data = try? InputFileReader.read(configurationFile.location.path, within: nil, maximumSize: YAMLInputLimits.siteConfiguration.maximumSize),
            let text = String(validating: data, as: UTF8.self)
        else {
            let unreadable = Diagnostic.error(
                "cannot read the configuration file as UTF-8 text", at: SourceLocation(path: configurationFile.displayPath), id: "configuration")
            diagnostics.withLock { $0.configuration = [unreadable] }
            return
        }
        let (configuration, found) = SiteConfiguration.parse(text, path: configurationFile.displayPath)
        diagnostics.withLock { $0.configuration = found }
        if !found.hasErrors { session.updateConfiguration(configuration) }
    }
}
