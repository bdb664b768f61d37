import HelpCenterDiagnostics
import HelpCenterMarkdown

/// Parses a page's Markdown body for the site. A body over `MarkdownLimits` becomes an error
/// at its place in the file (the build then publishes nothing, the preview shows the error)
/// and an empty document, so the rest of the page's checks still run.
enum MarkdownDocumentLoader {
    static func parse(_ split: SplitSource, displayPath: String) -> (MarkdownNode, Diagnostic?) {
        do throws(MarkdownLimitExceeded) {
            return (try MarkdownParser.parse(split.body, options: .site), nil)
        } catch {
            let location = error.location(in: displayPath, firstLine: split.bodyFirstLine)
            return (emptyDocument, .error(error.message, at: location, id: "markdown-limit"))
        }
    }

    private static let emptyDocument: MarkdownNode = {
        guard let document = try? MarkdownParser.parse("", options: .site) else {
            preconditionFailure("an empty document is within every limit")
        }
        return document
    }()
}
