import Foundation
import HelpCenterDiagnostics
import HelpCenterMarkdown
import HelpCenterTemplates

/// Links and images: every internal link (relative or from the site root, to a page, a file or
/// a page the build writes) is resolved against the site and checked, and becomes an encoded
/// address relative to the page; then every URL, internal or not, goes through
/// `URLSafety.publishable`, and one it refuses is left out.
extension ArticleBodyRenderer {
    enum ResolvedURL {
        case url(String)
        case dropped
    }

    mutating func renderLink(_ node: MarkdownNode, destination: String, title: String) {
        switch resolveLink(destination, node: node) {
        case .dropped:
            renderChildren(of: node)
        case .url(let href):
            output += "<a href=\""
            text(href)
            output += "\""
            if !title.isEmpty {
                output += " title=\""
                text(title)
                output += "\""
            }
            output += ">"
            renderChildren(of: node)
            output += "</a>"
        }
    }

    mutating func renderImage(_ node: MarkdownNode, source: String, title: String, inFigure: Bool) {
        let alt = labelsShown(Self.trimmed(node.plainText))
        if alt.isEmpty {
            report(.error, "image '\(source)' has no alt text: describe what it shows, e.g. ![Account settings screen](\(source))", at: node, id: "image-alt")
        }
        var dimensions: ImageDimensions?
        var resolved = source
        if !URLSafety.isExternal(source) {
            let (rawPath, suffix) = Self.splitPath(source)
            guard let target = ContentPath.resolve(Self.percentDecoded(rawPath), from: sourceDirectory) else {
                report(.error, "image file not found: '\(source)' (it leads outside the content folder)", at: node, id: "missing-image")
                return
            }
            if let entry = index.files[target] {
                dimensions = entry
                if entry == nil {
                    report(
                        .warning, "cannot read the size of image '\(source)' (PNG, JPEG, GIF and SVG with width/height or viewBox are read)", at: node,
                        id: "image-size")
                }
            } else if !index.isLenient {
                let hint =
                    index.suggestion(for: target, from: context.sourcePath, rootRelative: source.hasPrefix("/")).map { "; did you mean '\($0)'?" } ?? ""
                report(.error, "image file not found: '\(source)' (looked for content/\(target))\(hint)", at: node, id: "missing-image")
                return
            }
            resolved = rootPrefix + PageAddress.encode(target) + suffix
        }
        guard let src = URLSafety.publishable(resolved, asImage: true) else {
            report(
                .error, "unsafe image URL left out: '\(source.prefix(60))' (only http(s), relative and raster data: images are allowed)", at: node,
                id: "unsafe-url")
            return
        }
        renderImageTag(src: src, alt: alt, title: title, dimensions: dimensions, inFigure: inFigure)
    }

    /// An image; in a figure, inside a link to its file that the page's script opens in a
    /// dialog (the link is what a reader without scripts follows to see it larger).
    mutating func renderImageTag(src: String, alt: String, title: String, dimensions: ImageDimensions?, inFigure: Bool) {
        if inFigure {
            output += "<figure>\n<a class=\"figure-image\" href=\""
            text(src)
            output += "\">"
        }
        output += "<img src=\""
        text(src)
        output += "\" alt=\""
        text(alt)
        output += "\""
        if let dimensions { output += " width=\"\(dimensions.width)\" height=\"\(dimensions.height)\"" }
        if !inFigure && !title.isEmpty {
            output += " title=\""
            text(title)
            output += "\""
        }
        output += " loading=\"lazy\" decoding=\"async\">"
        if inFigure {
            output += "<span class=\"figure-image-hint\">"
            text(context.words.openLarger)
            output += "</span></a>"
            if !title.isEmpty {
                output += "\n<figcaption>"
                text(title)
                output += "</figcaption>"
            }
            output += "\n</figure>\n"
        }
    }

    /// `%20` and friends decoded; text without `%` is returned as it is.
    static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        return text.removingPercentEncoding ?? text
    }

    /// `path?query#fragment` → (`path`, `?query#fragment`), the suffix kept as written.
    static func splitPath(_ url: String) -> (path: String, suffix: String) {
        guard let cut = url.utf8.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) else { return (url, "") }
        return (String(url[..<cut]), String(url[cut...]))
    }

    /// The fragment of a URL (after the first `#`), or nil.
    static func fragment(of url: String) -> String? {
        guard let hash = url.utf8.firstIndex(of: UInt8(ascii: "#")) else { return nil }
        return String(url[url.utf8.index(after: hash)...])
    }

    /// Where an internal link's path leads (`ContentIndex.linkTarget`), with the part of the
    /// link after its path (`?query#fragment`, as written).
    struct InternalTarget {
        var target: LinkTarget
        var rawPath: String
        var suffix: String
    }

    /// Looks up an internal (relative or site-root) link's path in the site.
    func internalTarget(_ destination: String) -> InternalTarget {
        let (rawPath, suffix) = Self.splitPath(destination)
        return InternalTarget(target: index.linkTarget(Self.percentDecoded(rawPath), from: sourceDirectory), rawPath: rawPath, suffix: suffix)
    }

    /// Resolves a link against the site (reporting what is broken), then lets
    /// `URLSafety.publishable` decide on the URL as it will be written. `lookedUp` is the
    /// internal link's target when the caller has looked it up already (a written related
    /// section is examined before it is lifted), so the path is not resolved twice.
    mutating func resolveLink(_ destination: String, node: MarkdownNode, lookedUp: InternalTarget? = nil) -> ResolvedURL {
        assert(lookedUp.map { $0.rawPath + $0.suffix == destination } ?? true, "resolveLink: the lookup is of another link")
        guard let first = destination.utf8.first else {
            // `[text]()` led nowhere, without a word (session 24's writer trial).
            report(.warning, "this link has no address ([text]()): give it one, or write the text without the link", at: node, id: "empty-link")
            return .url("")
        }
        var resolved = destination
        if first == UInt8(ascii: "#") {
            let anchor = String(destination.dropFirst())
            if !anchor.isEmpty {
                anchorReferences.append(
                    AnchorReference(targetSourcePath: context.sourcePath, anchor: Self.percentDecoded(anchor), location: location(of: node)))
            }
        } else if !URLSafety.isExternal(destination) {
            guard let inSite = resolveInternalLink(destination, lookedUp ?? internalTarget(destination), node: node) else { return .url("") }
            resolved = inSite
        }
        guard let href = URLSafety.publishable(resolved) else {
            report(
                .error, "unsafe link left out: '\(destination.prefix(60))' (javascript:, vbscript: and data: URLs are never published)", at: node,
                id: "unsafe-url")
            return .dropped
        }
        return .url(href)
    }

    /// The URL of a relative or site-root link, relative to this page, or nil (reported) when
    /// it leads nowhere.
    private mutating func resolveInternalLink(_ destination: String, _ lookup: InternalTarget, node: MarkdownNode) -> String? {
        let (rawPath, suffix) = (lookup.rawPath, lookup.suffix)
        switch lookup.target {
        case .page(let page):
            // Checked once every page is read: the target must be published, the anchor must exist.
            let anchor = Self.fragment(of: suffix).map(Self.percentDecoded) ?? ""
            anchorReferences.append(AnchorReference(targetSourcePath: page.sourcePath, anchor: anchor, location: location(of: node)))
            return rootPrefix + page.address + suffix
        case .pageWithoutSource(let address):
            if let anchor = Self.fragment(of: suffix), !anchor.isEmpty {
                report(
                    .error, "link '\(destination)' names the anchor '#\(anchor)', but that page has no Markdown file and so no headings", at: node,
                    id: "broken-anchor")
            }
            return rootPrefix + address + suffix
        case .file(let path):
            return rootPrefix + PageAddress.encode(path) + suffix
        case .generated(let address):
            if let anchor = Self.fragment(of: suffix).map(Self.percentDecoded), !anchor.isEmpty, address == "policy/", let policy = index.policy,
                !policy.rules.contains(where: { "rule-" + $0.id == anchor })
            {
                report(.error, "link to missing anchor '#\(anchor)' on the policy page; its anchors are #rule- and a rule id", at: node, id: "broken-anchor")
            }
            return rootPrefix + address + suffix
        case .outside:
            report(.error, "link '\(destination)' leads outside the content folder", at: node, id: "broken-link")
            return nil
        case .missing(let path):
            if index.isLenient {
                let sitePath = path.hasSuffix(".md") ? String(path.dropLast(3)) + "/" : (rawPath.hasSuffix("/") && !path.isEmpty ? path + "/" : path)
                return rootPrefix + PageAddress.encode(sitePath) + suffix
            }
            let hint =
                index.suggestion(for: path, from: context.sourcePath, rootRelative: rawPath.hasPrefix("/")).map { "; did you mean '\($0)'?" } ?? ""
            if path.hasSuffix(".md") {
                report(.error, "link '\(destination)' points to a missing article (no file content/\(path))\(hint)", at: node, id: "broken-link")
            } else {
                report(
                    .error,
                    "link '\(destination)' points to nothing in the site (no content/\(path).md, content/\(path)/_index.md or file content/\(path))\(hint)",
                    at: node, id: "broken-link")
            }
            return nil
        }
    }
}
