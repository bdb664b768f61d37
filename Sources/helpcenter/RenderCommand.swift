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
            page, and the build's findings for it (drafts too). Standard input, a file outside a \
            project, or --standalone: the article on its own, links resolved without the site. \
            With --strict-gfm the output is exactly what libcmark-gfm prints with the GFM \
            extensions (tables, strikethrough, autolinks, tag filter, task lists, footnotes), for \
            comparison with the cmark-gfm program.

            Exit status: 0 rendered (warnings allowed), 1 errors in the article, 2 usage or I/O errors.
            """
    )

    @OptionGroup var project: ProjectOptions

    @Argument(help: "The Markdown file to render.", completion: .file(extensions: ["md"]))
    var file: String?

    @Flag(help: "Print exactly what libcmark-gfm prints with the GFM extensions.")
    var strictGfm = false

    @Flag(help: "With --strict-gfm: keep raw HTML and unsafe URLs, like cmark-gfm --unsafe.")
    var unsafe = false

    @Flag(help: "With --strict-gfm: smart punctuation, like cmark-gfm --smart.")
    var smart = false

    @Flag(help: "Render the file on its own even inside a project: no configuration, policy or other pages.")
    var standalone = false

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
        let result: (html: String, diagnostics: [Diagnostic])
        if !standalone, let file, let page = try projectPage(file, console: console) {
            guard let rendered = try page.builder.renderPage(page.sourcePath) else {
                throw CommandFailure(
                    "\(file) is in the content folder \(page.content) but is not a page of the help centre (helpcenter build lists why); --standalone renders it on its own"
                )
            }
            result = rendered
        } else {
            let preview = ArticlePreviewRenderer.render(source: text, path: path)
            result = (preview.html, preview.diagnostics)
        }
        console.output(result.html)
        for diagnostic in result.diagnostics {
            console.errorOutput("\(diagnostic)\n")
        }
        if result.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }

    /// The site builder of the project whose content folder holds `file`, and the file's path
    /// in that folder; nil when no project holds it there. The project is found as `build`
    /// finds it, walking up from the file; its configuration and policy are read as `build`
    /// reads them (their problems printed, errors stop here).
    private func projectPage(_ file: String, console: Console) throws -> (builder: SiteBuilder, sourcePath: String, content: String)? {
        let located = try project.locate(firstPath: file, everyInputGiven: true, verbose: false, inputsToGive: "")
        if case .none = located.origin { return nil }
        let inputs = SiteInputs(project: located)
        let folder = URL(fileURLWithPath: inputs.content).standardizedFileURL.path
        let path = URL(fileURLWithPath: file).standardizedFileURL.path
        guard path.hasPrefix(folder + "/") else { return nil }
        let configuration = try ConfigurationLoader.load(path: inputs.config, console: console, quiet: false)
        var policy: SitePolicy?
        var translated: [String: SitePolicy] = [:]
        do {
            let problems: [Diagnostic]
            (policy, translated, problems) = try SitePolicyLoader.load(
                inputs.policyPaths, languageKeys: configuration.languages.translations.map(\.key))
            console.print(problems, quiet: false)
            if problems.hasErrors {
                throw CommandFailure("the project's policy, vocabulary or scenarios have errors (above): fix them first, or use --standalone")
            }
        } catch let error as SitePolicyLoader.LoadError {
            throw CommandFailure(error.description)
        }
        var builder = SiteBuilder(configuration: configuration, content: inputs.contentTree, templates: inputs.templateTree, policy: policy)
        builder.translatedPolicies = translated
        return (builder, String(path.dropFirst(folder.count + 1)), inputs.content)
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
            while bytes.count <= limit, let chunk = try FileHandle.standardInput.read(upToCount: 65_536), !chunk.isEmpty {
                bytes.append(chunk)
            }
            guard bytes.count <= limit else { throw CommandFailure("cannot read standard input: it holds more than the \(limit) bytes allowed") }
            data = bytes
            path = "<stdin>"
        }
        // Invalid UTF-8 is repaired (U+FFFD) here as libcmark-gfm would do.
        return (String(decoding: data, as: UTF8.self), path)
    }
}
