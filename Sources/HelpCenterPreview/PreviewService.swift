import Foundation
import HelpCenterDiagnostics
import HelpCenterSite
import ServiceLifecycle
import Synchronization

/// The preview's background work, as a service beside the HTTP server: watches the inputs,
/// rebuilds after each quiet moment (one rebuild at a time; changes made during a rebuild
/// make the next one), tells the open pages, and keeps their event streams alive.
public struct PreviewService: Service {
    let rebuilder: SiteRebuilder
    let hub: LiveReloadHub
    let pending: PendingChanges
    let inputs: [WatchedInput]
    let options: PreviewOptions
    let observer: PreviewObserver
    let version: SiteVersion

    public func run() async throws {
        let watcher = startWatcher()
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await rebuildLoop() }
                group.addTask { await keepAliveLoop() }
            }
        }
        watcher?.stop()
        hub.finishAll()
    }

    /// inotify where it works, polling otherwise (or when asked).
    private func startWatcher() -> (any InputWatcher)? {
        let report: @Sendable (InputWatchEvent) -> Void = { [pending] in pending.add($0) }
        #if canImport(Glibc)
        if !options.forcePolling {
            let watcher = InotifyWatcher(inputs: inputs)
            do {
                try watcher.start(report)
                return watcher
            } catch {
                observer.notice("\(error); watching by polling every 0.5 s instead")
            }
        }
        #endif
        let watcher = PollingWatcher(inputs: inputs)
        do {
            try watcher.start(report)
            return watcher
        } catch {
            observer.notice("cannot watch the inputs: \(error); the preview will not rebuild by itself")
            return nil
        }
    }

    private func rebuildLoop() async {
        var previous = Set(rebuilder.firstDiagnostics)
        while let batch = await pending.nextBatch(quietPeriod: options.quietPeriod) {
            var outcome = await rebuilder.rebuild(batch.changes, everything: batch.everything)
            hub.publish(event(for: outcome))
            outcome.newDiagnostics = outcome.diagnostics.filter { $0.severity == .error || !previous.contains($0) }
            previous = Set(outcome.diagnostics)
            observer.rebuilt(outcome, ContinuousClock.now - batch.firstSeen)
        }
    }

    func event(for outcome: RebuildOutcome) -> LiveReloadEvent {
        guard outcome.succeeded, let change = outcome.change else {
            let errors = outcome.diagnostics.filter { $0.severity == .error }.map(OverlayDiagnostic.init)
            return .errors(version: version.current, diagnostics: errors)
        }
        if change.changedPaths.isEmpty && change.removedPaths.isEmpty {
            return .ok(version: version.current)
        }
        let newVersion = version.advance()
        if change.onlyStylesheetsChanged {
            return .stylesheets(version: newVersion, paths: change.changedPaths.map { "/" + $0 })
        }
        return .reload(LiveReloadPages(version: newVersion, changedPaths: change.changedPaths, removedPaths: change.removedPaths))
    }

    private func keepAliveLoop() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: options.keepAliveInterval)
            if !Task.isCancelled { hub.publish(.keepAlive) }
        }
    }
}

/// Names each good state of the site (`<server instance>-<rebuild number>`), so that a page
/// that reconnects can tell whether it missed a rebuild, even across a server restart.
public final class SiteVersion: Sendable {
    private let instance = String(UInt32.random(in: .min ... .max), radix: 16)
    private let generation = Mutex(1)

    public init() {}

    public var current: String {
        "\(instance)-\(generation.withLock { $0 })"
    }

    func advance() -> String {
        let next = generation.withLock { generation in
            generation += 1
            return generation
        }
        return "\(instance)-\(next)"
    }
}
