/// GFM's tag filter: the tags that may never appear raw (`<script>`, `<iframe>` …) have their
/// `<` escaped, as GitHub does, even where raw HTML is allowed.
enum TagFilter {
    static let filteredTags = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]

    static func apply(_ html: String) -> String {
        guard html.contains("<") else { return html }
        var output = ""
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            output += rest[rest.startIndex..<open]
            let afterOpen = rest.index(after: open)
            var nameStart = afterOpen
            if nameStart < rest.endIndex, rest[nameStart] == "/" { nameStart = rest.index(after: nameStart) }
            let name = rest[nameStart...].prefix { $0.isLetter }.lowercased()
            let afterName = rest.index(nameStart, offsetBy: name.count)
            let terminator = afterName < rest.endIndex ? rest[afterName] : " "
            if filteredTags.contains(name) && (terminator == ">" || terminator == "/" || terminator.isWhitespace) {
                output += "&lt;"
            } else {
                output += "<"
            }
            rest = rest[afterOpen...]
        }
        output += rest
        return output
    }
}
