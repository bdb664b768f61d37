import Synchronization

/// The published site's articles as the collector knows them now. `helpcenter build` publishes
/// a new site by swapping a new folder in, so the collector's command watches the folder's
/// identity (``SiteFolderStamp``) and, when it changes, reads the articles again and replaces
/// them here: votes for new articles are taken and an edited article's votes get its new
/// revision, without restarting the collector.
public final class PublishedSiteCatalog: Sendable {
    private let current: Mutex<SiteArticleCatalog>

    public init(_ catalog: SiteArticleCatalog) {
        current = Mutex(catalog)
    }

    public var catalog: SiteArticleCatalog { current.withLock { $0 } }

    public func replace(with catalog: SiteArticleCatalog) {
        current.withLock { $0 = catalog }
    }
}

/// What tells one published site from the next: the folder's file number (a new folder after
/// each swap) and its modification time.
public struct SiteFolderStamp: Sendable, Equatable {
    public var fileNumber: UInt64
    public var modified: Double

    public init(fileNumber: UInt64, modified: Double) {
        self.fileNumber = fileNumber
        self.modified = modified
    }
}
