import HelpCenterSite
import HelpCenterSiteFiles
import Synchronization

extension SiteChange: PublishableBuild {}

/// The preview's side of the publish transaction (`SitePublisher`, which `helpcenter build`
/// runs too): a rebuild of the session in memory is the staged site; publishing puts its
/// changed files into the snapshot the server reads; discarding leaves that snapshot alone
/// (the session keeps the last good site, and the pages show the errors).
final class PreviewPublication: StagedSite {
    private let store: ServedSiteStore
    private let session: SiteSession
    /// Whether the whole snapshot is replaced (the first build) or only what the rebuild changed.
    private let replacesEverything: Bool
    private let change = Mutex<SiteChange?>(nil)

    init(store: ServedSiteStore, session: SiteSession, replacesEverything: Bool) {
        self.store = store
        self.session = session
        self.replacesEverything = replacesEverything
    }

    /// Rebuilds the session after `changes` (everything when empty): the build step.
    func rebuild(after changes: Set<SiteInputChange>) throws -> SiteChange {
        let rebuilt = try session.rebuild(after: changes)
        change.withLock { $0 = rebuilt }
        return rebuilt
    }

    func publish() throws {
        guard let rebuilt = change.withLock({ $0 }) else { return }
        if replacesEverything {
            store.replace(ServedSite(files: session.files, drafts: session.draftPages))
        } else {
            store.replace(
                store.current.updated(changed: rebuilt.changedPaths, removed: rebuilt.removedPaths, from: session.files, drafts: session.draftPages))
        }
    }

    func discard() {}
}
