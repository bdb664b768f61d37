import Foundation
import HelpCenterDiagnostics
import HelpCenterMarkdown

/// Links and images: relative `.md` links become page URLs, other relative files are checked
/// and made relative to the page, unsafe URLs are dropped.
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
        let alt = node.plainText.trimmingCharacters(in: .whitespacesAndNewlines)
        if alt.isEmpty {
            report(.error, "image '\(source)' has no alt text: describe what it shows, e.g. ![Account settings screen](\(source))", at: node, id: "image-alt")
        }
        var dimensions: ImageDimensions?
        let src: String
        if !URLSafety.isSafeImageSource(source) {
            report(.error, "unsafe image URL left out: '\(source.prefix(60))' (only http(s), relative and raster data: images are allowed)", at: node, id: "unsafe-url")
            return
        } else if URLSafety.isExternal(source) || source.hasPrefix("/") {
            src = source.hasPrefix("/") && !source.hasPrefix("//")
                ? ContentPath.rootPrefix(for: context.sitePath) + source.dropFirst() : source
        } else {
            let (path, _) = Self.splitFragment(source)
            let decoded = path.removingPercentEncoding ?? path
            let resolved = ContentPath.resolve(decoded, from: ContentPath.directory(of: context.sourcePath))
            if index.isLenient, let resolved, index.files[resolved] == nil {
                return renderImageTag(src: ContentPath.relativeURL(from: context.sitePath, to: resolved), alt: alt, title: title, dimensions: nil, inFigure: inFigure)
            }
            guard let target = resolved, let entry = index.files[target] else {
                report(.error, "image file not found: '\(source)' (looked for content/\(ContentPath.resolve(decoded, from: ContentPath.directory(of: context.sourcePath)) ?? decoded))", at: node, id: "missing-image")
                return
            }
            dimensions = entry
            if entry == nil {
                report(.warning, "cannot read the size of image '\(source)' (PNG, JPEG, GIF and SVG with width/height or viewBox are read)", at: node, id: "image-size")
            }
            src = ContentPath.relativeURL(from: context.sitePath, to: target)
        }
        renderImageTag(src: src, alt: alt, title: title, dimensions: dimensions, inFigure: inFigure)
    }

    mutating func renderImageTag(src: String, alt: String, title: String, dimensions: ImageDimensions?, inFigure: Bool) {
        if inFigure { output += "<figure>\n" }
        output += "<img src=\""
        text(HTMLEscaping.normalizeURL(src))
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
            if !title.isEmpty {
                output += "\n<figcaption>"
                text(title)
                output += "</figcaption>"
            }
            output += "\n</figure>\n"
        }
    }

    static func splitFragment(_ url: String) -> (path: String, fragment: String?) {
        var path = url
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[path.startIndex..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[path.startIndex..<query]) }
        return (path, fragment)
    }

    mutating func resolveLink(_ destination: String, node: MarkdownNode) -> ResolvedURL {
        if destination.isEmpty { return .url("") }
        if !URLSafety.isSafeLink(destination) {
            report(.error, "unsafe link left out: '\(destination.prefix(60))' (javascript:, vbscript: and data: URLs are never published)", at: node, id: "unsafe-url")
            return .dropped
        }
        if URLSafety.isExternal(destination) { return .url(HTMLEscaping.normalizeURL(destination)) }
        if destination.hasPrefix("#") {
            let anchor = String(destination.dropFirst())
            if !anchor.isEmpty {
                anchorReferences.append(AnchorReference(targetSourcePath: context.sourcePath, anchor: anchor.removingPercentEncoding ?? anchor, location: location(of: node)))
            }
            return .url(HTMLEscaping.normalizeURL(destination))
        }
        if destination.hasPrefix("/") {
            return .url(HTMLEscaping.normalizeURL(ContentPath.rootPrefix(for: context.sitePath) + destination.dropFirst()))
        }
        let (rawPath, fragment) = Self.splitFragment(destination)
        let path = rawPath.removingPercentEncoding ?? rawPath
        guard let target = ContentPath.resolve(path, from: ContentPath.directory(of: context.sourcePath)) else {
            report(.error, "link '\(destination)' leads outside the content folder", at: node, id: "broken-link")
            return .dropped
        }
        let pageKey = target.hasSuffix(".md") ? target : (target.isEmpty ? "_index.md" : target + "/_index.md")
        if let page = index.pages[pageKey] {
            // Checked once every page is read: the target must be published, the anchor must exist.
            let anchor = fragment.map { $0.removingPercentEncoding ?? $0 } ?? ""
            anchorReferences.append(AnchorReference(targetSourcePath: pageKey, anchor: anchor, location: location(of: node)))
            var url = ContentPath.relativeURL(from: context.sitePath, to: page.sitePath)
            if let fragment, !fragment.isEmpty { url += "#" + fragment }
            return .url(HTMLEscaping.normalizeURL(url))
        }
        if index.isLenient {
            let sitePath = target.hasSuffix(".md") ? String(target.dropLast(3)) + "/" : target
            var url = ContentPath.relativeURL(from: context.sitePath, to: sitePath)
            if let fragment { url += "#" + fragment }
            return .url(HTMLEscaping.normalizeURL(url))
        }
        if target.hasSuffix(".md") {
            report(.error, "link '\(destination)' points to a missing article (no file content/\(target))", at: node, id: "broken-link")
            return .url("")
        }
        if index.files[target] != nil {
            var url = ContentPath.relativeURL(from: context.sitePath, to: target)
            if let fragment { url += "#" + fragment }
            return .url(HTMLEscaping.normalizeURL(url))
        }
        report(.error, "link '\(destination)' points to a missing file (no content/\(target)); link to articles by their .md file", at: node, id: "broken-link")
        return .url("")
    }
}
