/// A Markdown file cut into its YAML front matter and its body.
public struct SplitSource: Sendable, Equatable {
    /// The YAML between the `---` fences, or nil when the file has no front matter.
    public var yaml: String?
    /// The line (1-based) of the file on which the YAML starts.
    public var yamlFirstLine: Int
    public var body: String
    /// The line (1-based) of the file on which the body starts.
    public var bodyFirstLine: Int
    /// Set when an opening `---` has no closing fence.
    public var unterminated: Bool
}

/// Cuts `---`-fenced YAML front matter off the start of a Markdown file (the layout Hugo and
/// Jekyll use). The closing fence is `---` or `...` on a line of its own.
public enum FrontMatterSplitter {
    public static func split(_ source: String) -> SplitSource {
        var text = Substring(source)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        guard let firstLineEnd = text.firstIndex(of: "\n"),
              text[text.startIndex..<firstLineEnd].trimmingTrailingCR() == "---" else {
            return SplitSource(yaml: nil, yamlFirstLine: 1, body: String(text), bodyFirstLine: 1, unterminated: false)
        }
        var lineNumber = 2
        var lineStart = text.index(after: firstLineEnd)
        let yamlStart = lineStart
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[lineStart..<lineEnd].trimmingTrailingCR()
            if line == "---" || line == "..." {
                let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
                return SplitSource(
                    yaml: String(text[yamlStart..<lineStart]), yamlFirstLine: 2,
                    body: String(text[bodyStart...]), bodyFirstLine: lineNumber + 1, unterminated: false)
            }
            lineNumber += 1
            lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
        }
        return SplitSource(yaml: String(text[yamlStart...]), yamlFirstLine: 2, body: "", bodyFirstLine: lineNumber, unterminated: true)
    }
}

extension Substring {
    fileprivate func trimmingTrailingCR() -> Substring {
        var line = self
        while line.last == "\r" || line.last == " " || line.last == "\t" { line = line.dropLast() }
        return line
    }
}
