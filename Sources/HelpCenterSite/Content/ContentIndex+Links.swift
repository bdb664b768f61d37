import HelpCenterDiagnostics

/// Where an internal link leads: every form a writer may use (relative or from the site root,
/// with or without `.md`, with or without a trailing `/`) is resolved against the site the
/// same way.
enum LinkTarget: Equatable {
    /// A page with a Markdown file (its anchors and publication are checked once every page is read).
    case page(ContentIndex.Page)
    /// The home page or a collection page that has no `_index.md`: it exists, but has no anchors.
    case pageWithoutSource(address: String)
    /// A file of the content folder (an image, a PDF), by its content path.
    case file(String)
    /// A file or page the build writes itself (`search/`, `policy/`, `assets/style.css`), by its address.
    case generated(String)
    /// Nothing in the site; the content path it was looked up at.
    case missing(String)
    /// The path climbs above the content folder.
    case outside
}

extension ContentIndex {
    /// What `path` (percent-decoded, without query or fragment) leads to, from a page whose
    /// file is in `directory`. A path starting with `/` is taken from the site root.
    ///
    /// `x.md` is that file; `x` and `x/` are the article `x.md`, or the collection or home
    /// page of folder `x`, or the file `x`, or what the build writes at `x`, in that order.
    func linkTarget(_ path: String, from directory: String) -> LinkTarget {
        guard let target = ContentPath.resolve(path, from: directory) else { return .outside }
        if target.isEmpty {
            return pages["_index.md"].map(LinkTarget.page) ?? .pageWithoutSource(address: "")
        }
        if target.utf8.count > 3 && target.hasSuffix(".md") {
            return pages[target].map(LinkTarget.page) ?? .missing(target)
        }
        if let page = pages[target + ".md"] ?? pages[target + "/_index.md"] { return .page(page) }
        if collections.contains(target) { return .pageWithoutSource(address: PageAddress.encode(target) + "/") }
        if files[target] != nil { return .file(target) }
        if let address = generatedPaths[target] { return .generated(address) }
        return .missing(target)
    }

    /// The page or file whose path is closest to a missing target, when one is close enough to
    /// be a likely typo: the same path in another case, a page with the same file name in another
    /// folder, or a path a few edits away (at most a quarter of the file name's length, so that
    /// `nope.md` does not suggest `typo.md` nor `nothere.png` `shot.svg`, as they did when the
    /// allowance was a fifth of the whole path). Never the page that links (`from`). Written as
    /// the writer wrote the link: from the site's root (`/guides/what%3F.md`) for a link that
    /// starts with `/`, else relative to the page (`settings.md`, `../guides/settings.md`).
    /// Only called for broken links; the lengths are compared first, so most paths are passed
    /// over at once.
    func suggestion(for missing: String, from source: String = "", rootRelative: Bool = true) -> String? {
        let wanted = Array((missing.hasSuffix(".md") ? String(missing.dropLast(3)) : missing).utf8)
        let name = wanted.split(separator: UInt8(ascii: "/")).last.map(Array.init) ?? wanted
        let sameName = Array("/".utf8) + name + Array(".md".utf8)
        let limit = max(1, name.count / 4)
        let wantedLowercased = String(decoding: wanted, as: UTF8.self).lowercased()
        var best: (distance: Int, path: String)?
        func consider(_ candidate: String, dropping suffix: Int) {
            guard candidate != source else { return }
            let bytes = candidate.utf8
            var distance: Int
            if !name.isEmpty && suffix > 0 && bytes.count >= sameName.count && bytes.suffix(sameName.count).elementsEqual(sameName) {
                distance = 1
            } else {
                guard abs(bytes.count - suffix - wanted.count) <= limit else { return }
                if String(decoding: bytes.dropLast(suffix), as: UTF8.self).lowercased() == wantedLowercased {
                    distance = 0
                } else {
                    distance = EditDistance.between(Array(bytes.dropLast(suffix)), wanted, limit: limit)
                }
            }
            guard distance <= limit else { return }
            if best.map({ (distance, candidate) < ($0.distance, $0.path) }) ?? true { best = (distance, candidate) }
        }
        for key in pages.keys { consider(key, dropping: key.hasSuffix("/_index.md") ? 10 : 3) }
        for key in files.keys { consider(key, dropping: 0) }
        guard let path = best?.path else { return nil }
        if rootRelative { return "/" + PageAddress.encode(path) }
        return PageAddress.encode(Self.relative(path, from: ContentPath.directory(of: source)))
    }

    /// `path` (from the content folder) as a link from a page in `folder` (`""` for the root).
    static func relative(_ path: String, from folder: String) -> String {
        if folder.isEmpty { return path }
        if path.hasPrefix(folder + "/") { return String(path.dropFirst(folder.count + 1)) }
        let depth = folder.split(separator: "/").count
        return String(repeating: "../", count: depth) + path
    }
}
