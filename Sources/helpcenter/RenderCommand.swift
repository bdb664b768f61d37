import ArgumentParser
import Foundation
import HelpCenterDiagnostics
import HelpCenterMarkdown
import HelpCenterSite

/// `helpcenter render [FILE]`: one article's body HTML, or libcmark-gfm's exact output with `--strict-gfm`.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print one article's body HTML (standard input when no file is given).",
        discussion: """
            Without options the article is rendered as the site renders it (callouts, figures, \
            heading ids; front matter is read and left out). With --strict-gfm the output is \
            exactly what libcmark-gfm prints with the GFM extensions (tables, strikethrough, \
            autolinks, tag filter, task lists, footnotes), for comparison with the cmark-gfm program.
            """
    )

    @Argument(help: "The Markdown file to render.", completion: .file(extensions: ["md"]))
    var file: String?

    @Flag(help: "Print exactly what libcmark-gfm prints with the GFM extensions.")
    var strictGfm = false

    @Flag(help: "With --strict-gfm: keep raw HTML and unsafe URLs, like cmark-gfm --unsafe.")
    var unsafe = false

    @Flag(help: "With --strict-gfm: smart punctuation, like cmark-gfm --smart.")
    var smart = false

    func run() throws {
        let console = Console()
        let (text, path) = try readInput()
        if strictGfm {
            let options = MarkdownOptions(smartPunctuation: smart, unsafe: unsafe)
            do throws(MarkdownLimitExceeded) {
                console.output(try MarkdownParser.renderStrictHTML(text, options: options))
            } catch {
                let location = error.location(in: path)
                console.errorOutput("\(Diagnostic.error(error.message, at: location, id: "markdown-limit"))\n")
                throw ExitCode(1)
            }
            return
        }
        let result = ArticlePreviewRenderer.render(source: text, path: path)
        console.output(result.html)
        for diagnostic in result.diagnostics {
            console.errorOutput("\(diagnostic)\n")
        }
        if result.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }

    private func readInput() throws -> (String, String) {
        let data: Data
        let path: String
        if let file {
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw CommandFailure("cannot read \(file): \(error.localizedDescription)")
            }
            path = file
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
            path = "<stdin>"
        }
        // Invalid UTF-8 is repaired (U+FFFD) here as libcmark-gfm would do.
        return (String(decoding: data, as: UTF8.self), path)
    }
}
