/// Checks rendered HTML the way a browser would read it: no script can run from it.
///
/// A small tag scanner (the renderer's output is well-formed, so nothing more is needed):
/// every tag's name and attributes are read, attribute values are entity-decoded, and URLs are
/// read the way browsers read a scheme (tabs and newlines removed, leading spaces and control
/// characters ignored, case ignored).
public enum HTMLSafetyCheck {
    /// Tags GFM's tag filter neutralises: they may never be emitted, even with raw HTML allowed.
    /// (`title` is left out: the renderer's SVG icons carry one.)
    static let filteredTags: Set<String> = ["script", "iframe", "style", "textarea", "xmp", "noembed", "noframes", "plaintext"]

    /// The tags the article renderer writes itself; with raw HTML off nothing else may appear.
    static let rendererTags: Set<String> = [
        "a", "aside", "blockquote", "br", "circle", "code", "defs", "del", "desc", "div", "em", "figcaption", "figure",
        "g", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img", "input", "li", "line", "marker", "ol", "p", "path", "pre",
        "rect", "section", "span", "strong", "sup", "svg", "table", "tbody", "td", "text", "th", "thead", "title", "tr", "ul",
    ]

    static let urlAttributes: Set<String> = ["href", "src", "xlink:href", "action", "formaction", "poster", "cite", "background", "srcset"]

    /// - Parameter rawHTMLAllowed: the site's `raw_html`; when off, only the renderer's own tags,
    ///   no event-handler attribute and no script URL may appear.
    public static func check(_ html: String, rawHTMLAllowed: Bool) {
        for tag in tags(in: Array(html.utf8)) {
            fuzzCheck(!filteredTags.contains(tag.name), "<\(tag.name)> in the output")
            if rawHTMLAllowed { continue }
            fuzzCheck(rendererTags.contains(tag.name), "<\(tag.name)> in the output with raw HTML off")
            for (name, value) in tag.attributes {
                fuzzCheck(!name.hasPrefix("on"), "event handler \(name)=\"\(value)\" on <\(tag.name)>")
                fuzzCheck(name != "srcdoc", "srcdoc attribute on <\(tag.name)>")
                if urlAttributes.contains(name) {
                    fuzzCheck(isSafeURL(value), "unsafe URL in \(name)=\"\(value)\" on <\(tag.name)>")
                }
            }
        }
    }

    public struct Tag {
        public var name: String
        public var attributes: [(name: String, value: String)]
    }

    /// The start tags of `bytes`, with entity-decoded attribute values.
    public static func tags(in bytes: [UInt8]) -> [Tag] {
        var tags: [Tag] = []
        var index = 0
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count, isLetter(bytes[index + 1]) else {
                index += 1
                continue
            }
            index += 1
            var name: [UInt8] = []
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") {
                name.append(bytes[index] | (isLetter(bytes[index]) ? 0x20 : 0))
                index += 1
            }
            var tag = Tag(name: String(decoding: name, as: UTF8.self), attributes: [])
            while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
                if isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") {
                    index += 1
                    continue
                }
                var attribute: [UInt8] = []
                while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">") {
                    attribute.append(bytes[index] | (isLetter(bytes[index]) ? 0x20 : 0))
                    index += 1
                }
                var value: [UInt8] = []
                if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                    index += 1
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                        let quote = bytes[index]
                        index += 1
                        while index < bytes.count, bytes[index] != quote {
                            value.append(bytes[index])
                            index += 1
                        }
                        index += 1
                    } else {
                        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") {
                            value.append(bytes[index])
                            index += 1
                        }
                    }
                }
                tag.attributes.append((String(decoding: attribute, as: UTF8.self), decodeEntities(value)))
            }
            tags.append(tag)
        }
        return tags
    }

    /// Whether a browser following this URL would run script: `javascript:`, `vbscript:`, or a
    /// `data:` URL other than a raster image.
    public static func isSafeURL(_ url: String) -> Bool {
        var scalars = Array(url.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        let lowered = String(String.UnicodeScalarView(scalars)).lowercased()
        for scheme in ["javascript:", "vbscript:"] where lowered.hasPrefix(scheme) { return false }
        if lowered.hasPrefix("data:") {
            return ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp", "data:image/avif"].contains { lowered.hasPrefix($0) }
        }
        return true
    }

    /// HTML character references decoded as a browser decodes them in an attribute value
    /// (numeric ones, and the named ones that can spell a scheme).
    static func decodeEntities(_ bytes: [UInt8]) -> String {
        let named: [String: String] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t", "newline": "\n",
            "sol": "/", "lpar": "(", "rpar": ")", "nbsp": "\u{A0}",
        ]
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.contains("&") else { return text }
        var output = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            output += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            let reference = after.prefix { $0.isLetter || $0.isNumber || $0 == "#" }
            var replacement: String?
            if reference.hasPrefix("#x") || reference.hasPrefix("#X") {
                replacement = UInt32(reference.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map(String.init)
            } else if reference.hasPrefix("#") {
                replacement = UInt32(reference.dropFirst()).flatMap(Unicode.Scalar.init).map(String.init)
            } else {
                replacement = named[reference.lowercased()]
            }
            if let replacement {
                output += replacement
                rest = after[reference.endIndex...]
                if rest.first == ";" { rest = rest.dropFirst() }
            } else {
                output += "&"
                rest = after
            }
        }
        return output + rest
    }
}
