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
        let alt = Self.trimmed(node.plainText)
        if alt.isEmpty {
            report(.error, "image '\(source)' has no alt text: describe what it shows, e.g. ![Account settings screen](\(source))", at: node, id: "image-alt")
        }
        var dimensions: ImageDimensions?
        let src: String
        if !URLSafety.isSafeImageSource(source) {
            report(.error, "unsafe image URL left out: '\(source.prefix(60))' (only http(s), relative and raster data: images are allowed)", at: node, id: "unsafe-url")
            return
        } else if URLSafety.isExternal(source) || source.hasPrefix("/") {
            src = source.hasPrefix("/") && !source.hasPrefix("//") ? rootPrefix + source.dropFirst() : source
        } else {
            let (path, _) = Self.splitFragment(source)
            let decoded = Self.percentDecoded(path)
            let resolved = ContentPath.resolve(decoded, from: sourceDirectory)
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
            src = rootPrefix + target
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

    /// `%20` and friends decoded; text without `%` is returned as it is.
    static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        return text.removingPercentEncoding ?? text
    }

    static func splitFragment(_ url: String) -> (path: String, fragment: String?) {
        let bytes = url.utf8
        guard let cut = bytes.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) else {
            return (url, nil)
        }
        let path = String(url[..<cut])
        guard let hash = bytes[cut...].firstIndex(of: UInt8(ascii: "#")) else { return (path, nil) }
        return (path, String(url[url.utf8.index(after: hash)...]))
    }

    mutating func resolveLink(_ destination: String, node: MarkdownNode) -> ResolvedURL {
        guard let first = destination.utf8.first else { return .url("") }
        if let scheme = URLSafety.normalizedScheme(destination) {
            guard URLSafety.isSafeLink(scheme: scheme) else {
                report(.error, "unsafe link left out: '\(destination.prefix(60))' (javascript:, vbscript: and data: URLs are never published)", at: node, id: "unsafe-url")
                return .dropped
            }
            return .url(HTMLEscaping.normalizeURL(destination))
        }
        if first == UInt8(ascii: "#") {
            let anchor = String(destination.dropFirst())
            if !anchor.isEmpty {
                anchorReferences.append(AnchorReference(targetSourcePath: context.sourcePath, anchor: Self.percentDecoded(anchor), location: location(of: node)))
            }
            return .url(HTMLEscaping.normalizeURL(destination))
        }
        if first == UInt8(ascii: "/") {
            if destination.utf8.dropFirst().first == UInt8(ascii: "/") { return .url(HTMLEscaping.normalizeURL(destination)) }
            return .url(HTMLEscaping.normalizeURL(rootPrefix + destination.dropFirst()))
        }
        let (rawPath, fragment) = Self.splitFragment(destination)
        let path = Self.percentDecoded(rawPath)
        guard let target = ContentPath.resolve(path, from: sourceDirectory) else {
            report(.error, "link '\(destination)' leads outside the content folder", at: node, id: "broken-link")
            return .dropped
        }
        let pageKey = target.hasSuffix(".md") ? target : (target.isEmpty ? "_index.md" : target + "/_index.md")
        if let page = index.pages[pageKey] {
            // Checked once every page is read: the target must be published, the anchor must exist.
            let anchor = fragment.map(Self.percentDecoded) ?? ""
            anchorReferences.append(AnchorReference(targetSourcePath: page.sourcePath.isEmpty ? pageKey : page.sourcePath, anchor: anchor, location: location(of: node)))
            var url = rootPrefix + page.sitePath
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
            var url = rootPrefix + target
            if let fragment { url += "#" + fragment }
            return .url(HTMLEscaping.normalizeURL(url))
        }
        report(.error, "link '\(destination)' points to a missing file (no content/\(target)); link to articles by their .md file", at: node, id: "broken-link")
        return .url("")
    }
}
