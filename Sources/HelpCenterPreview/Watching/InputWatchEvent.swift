import HelpCenterSite

/// What a watcher reports.
public enum InputWatchEvent: Sendable, Equatable {
    /// These inputs changed (created, written, renamed or removed). A removed or renamed folder
    /// is reported as the folder's own path.
    case changed(Set<SiteInputChange>)
    /// The watcher lost track (the kernel's event queue overflowed): rebuild everything.
    case lostTrack
}

/// Watches the site's inputs and reports changes through a callback, from its own thread.
public protocol InputWatcher: AnyObject, Sendable {
    func start(_ report: @escaping @Sendable (InputWatchEvent) -> Void) throws
    func stop()
}
