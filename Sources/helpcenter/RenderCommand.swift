import ArgumentParser
import Foundation
import HelpCenterDiagnostics
import HelpCenterInputFiles
import HelpCenterMarkdown
import HelpCenterPolicyDocs
import HelpCenterSite

/// `helpcenter render [FILE]`: one article's body HTML, or libcmark-gfm's exact output with `--strict-gfm`.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print one article's body HTML (standard input when no file is given).",
        discussion: """
            Without options the article is rendered as the site renders it (callouts, figures, \
            heading ids; front matter is read and left out). A file in a project's content folder \
            is rendered as `build` renders it there: in its file's language, with the project's \
            configuration, policy, vocabulary and worked examples, its links written from its \
            page, and the build's findings for it; a draft with --drafts. The project is found \
            as `build` finds it, walking up from the file, and the same options name its inputs. \
            Standard input, a file outside the content folder, or --standalone: the article on \
            its own, links resolved without the site. With --strict-gfm the output is exactly \
            what libcmark-gfm prints with the GFM extensions (tables, strikethrough, autolinks, \
            tag filter, task lists, footnotes), for comparison with the cmark-gfm program.

            Exit status: 0 rendered (warnings allowed), 1 errors in the article, 2 usage or I/O errors.
            """
    )

    @OptionGroup var inputs: SiteInputOptions

    @Argument(help: "The Markdown file to render.", completion: .file(extensions: ["md"]))
    var file: String?

    @Flag(help: "Print exactly what libcmark-gfm prints with the GFM extensions.")
    var strictGfm = false

    @Flag(help: "With --strict-gfm: keep raw HTML and unsafe URLs, like cmark-gfm --unsafe.")
    var unsafe = false

    @Flag(help: "With --strict-gfm: smart punctuation, like cmark-gfm --smart.")
    var smart = false

    @Flag(help: "Render a draft (draft: true), as build --drafts publishes it.")
    var drafts = false

    @Flag(help: "Render the file on its own even inside a project: no configuration, policy or other pages.")
    var standalone = false

    func run() throws {
        let console = Console()
        // Read first: a missing file, a folder or a pipe is refused by what it is.
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
        let html: String
        let diagnostics: [Diagnostic]
        if !standalone, let file, let page = try projectPage(file, console: console) {
            let rendered: RenderedPage
            do {
                rendered = try page.builder.renderPage(page.sourcePath)
            } catch {
                throw CommandFailure("\(error)")
            }
            guard let body = rendered.html else {
                console.print(rendered.diagnostics, quiet: false)
                throw CommandFailure(
                    "\(file) is in the content folder \(page.content) but is not a page of the help centre"
                        + (rendered.diagnostics.isEmpty ? "" : " (above)") + "; --standalone renders it on its own")
            }
            (html, diagnostics) = (body, rendered.diagnostics)
        } else {
            let preview = ArticlePreviewRenderer.render(source: text, path: path)
            (html, diagnostics) = (preview.html, preview.diagnostics)
        }
        console.output(html)
        console.print(diagnostics, quiet: false)
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }

    /// The site builder of the project whose content folder holds `file`, and the file's path
    /// in that folder; nil when no project holds it there (said in a note when a project was
    /// found). The project and its inputs are found as `build` finds them, the walk starting
    /// at the file; its configuration and policy are read as `build` reads them (their
    /// problems printed; errors stop here, with exit status 1 as in `build`).
    private func projectPage(_ file: String, console: Console) throws -> (builder: SiteBuilder, sourcePath: String, content: String)? {
        let inputs = try self.inputs.resolve(verbose: false, startingFrom: file, projectOptional: true)
        if case .none = inputs.project.origin, self.inputs.content == nil { return nil }
        guard let sourcePath = SiteInputs.contentPath(of: file, in: inputs.content) else {
            console.note("\(file) is not in the content folder \(inputs.content): rendered on its own, without the project")
            return nil
        }
        let site: SiteInputs.LoadedSite
        do {
            site = try inputs.loadSite(options: BuildOptions(includeDrafts: drafts), console: console, quiet: false)
        } catch let error as SitePolicyLoader.LoadError {
            throw CommandFailure(error.description)
        }
        if site.policyProblems.hasErrors {
            console.error("the project's policy, vocabulary or scenarios have errors (above): fix them first, or use --standalone")
            throw ExitCode(1)
        }
        return (site.builder, sourcePath, inputs.content)
    }

    /// The file's text, or standard input's, refused past the largest page file the build
    /// reads (a folder, a pipe or a device named as the file is refused without waiting).
    private func readInput() throws -> (String, String) {
        let limit = SiteBuilder.maximumPageFileSize
        let data: Data
        let path: String
        if let file {
            do {
                data = try InputFileReader.read(file, within: nil, maximumSize: limit)
            } catch {
                throw CommandFailure("cannot read \(file): \(error.reason)")
            }
            path = file
        } else {
            var bytes = Data()
            do {
                while bytes.count <= limit, let chunk = try FileHandle.standardInput.read(upToCount: 65_536), !chunk.isEmpty {
                    bytes.append(chunk)
                }
            } catch {
                throw CommandFailure("cannot read standard input: \(error.localizedDescription)")
            }
            guard bytes.count <= limit else { throw CommandFailure("cannot read standard input: it holds more than the \(limit) bytes allowed") }
            data = bytes
            path = "<stdin>"
        }
        // Invalid UTF-8 is repaired (U+FFFD) here as libcmark-gfm would do.
        return (String(decoding: data, as: UTF8.self), path)
    }
}
