import Foundation
import HelpCenterConcurrency

/// Why the built site could not be read.
public enum SiteArticleCatalogError: Error, Sendable, CustomStringConvertible {
    case notAFolder(String)
    case noArticles(String)

    public var description: String {
        switch self {
        case .notAFolder(let path): "the site folder '\(path)' does not exist (build it first: helpcenter build)"
        case .noArticles(let path): "no article page with a feedback box under '\(path)': is it a site built by helpcenter?"
        }
    }
}

extension SiteArticleCatalog {
    /// Reads every `.html` page under the built site (`index.html`, or `article.html` with the
    /// `files` layout; symbolic links are not followed).
    public static func load(site folder: String) throws -> SiteArticleCatalog {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw SiteArticleCatalogError.notAFolder(folder)
        }
        let root = URL(fileURLWithPath: folder, isDirectory: true)
        var pages: [URL] = []
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "html" else { continue }
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            pages.append(url)
        }
        // Read on all cores: the collector takes no vote until its catalog is read.
        let articles = parallelMap(pages) { url -> SiteArticle? in
            guard let data = try? Data(contentsOf: url) else { return nil }
            return article(fromPage: [UInt8](data))
        }.compactMap { $0 }
        guard !articles.isEmpty else { throw SiteArticleCatalogError.noArticles(folder) }
        return SiteArticleCatalog(articles: articles)
    }

    /// The site folder's identity now; nil when it cannot be read (mid-swap, removed).
    public static func stamp(site folder: String) -> SiteFolderStamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: folder),
            let number = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value,
            let modified = attributes[.modificationDate] as? Date
        else { return nil }
        return SiteFolderStamp(fileNumber: number, modified: modified.timeIntervalSince1970)
    }
}
