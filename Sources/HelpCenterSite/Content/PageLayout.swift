/// Where an article's page is written, and so its address (`urls:` in `helpcenter.yaml`).
///
/// - `folders` (the default): `collection/article/index.html`, at `collection/article/`, the
///   address a reader sees on every web server.
/// - `files`: `collection/article.html`, at that address, as Hugo's `uglyURLs` and MkDocs'
///   `use_directory_urls: false` write them: one file per article and no folder, which is
///   quicker to write (on ext4, a folder per article made the 10,000-article build take
///   1.2–1.3 times as long: docs/generator.md) and opens from the disk without a script.
///
/// Home, collection, search and policy pages are folders in both (`collection/`), so a host
/// must still serve a folder's `index.html`.
public enum PageLayout: String, Sendable, Equatable, CaseIterable {
    case folders
    case files

    /// The site path of an article (`collection/article/` or `collection/article.html`).
    func articlePath(collection: String, slug: String) -> String {
        switch self {
        case .folders: collection + "/" + slug + "/"
        case .files: collection + "/" + slug + ".html"
        }
    }
}

extension ContentPath {
    /// The file a page's site path is written to: a folder's `index.html`, or the path itself
    /// (`collection/article.html`).
    static func pageFile(_ sitePath: String) -> String {
        sitePath.isEmpty || sitePath.utf8.last == UInt8(ascii: "/") ? sitePath + "index.html" : sitePath
    }

    /// How many folders down from the site's root a page's site path is: its `/`s (`a/b/` and
    /// `a/b.html` are 2 and 1 deep; the home page, ``, is 0).
    static func folderDepth(_ sitePath: String) -> Int {
        sitePath.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
    }
}
