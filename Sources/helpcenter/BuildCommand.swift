import ArgumentParser
import Dispatch
import Foundation
import HelpCenterDiagnostics
import HelpCenterPolicyDocs
import HelpCenterSite

/// `helpcenter build`: the help centre in `content/` through `templates/` into `_site/`.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the static help centre.",
        discussion: """
            Exit status: 0 built (warnings allowed), 1 content errors (nothing published, the \
            previous site is left as it was), 2 usage or I/O errors.
            """
    )

    @OptionGroup var inputs: SiteInputOptions

    @Option(help: "The output folder, replaced as a whole when the build succeeds.")
    var output = "_site"

    @Flag(help: "Publish articles marked draft: true.")
    var drafts = false

    @Flag(help: "Print only errors and the summary.")
    var quiet = false

    @Flag(help: "Print how long each phase of the build took.")
    var timings = false

    func run() throws {
        let started = Date()
        let console = Console()
        let configuration = try ConfigurationLoader.load(path: inputs.config, console: console, quiet: quiet)
        let contentTree = DirectoryFileTree(root: URL(fileURLWithPath: inputs.content), displayName: inputs.content)
        let templateTree = DirectoryFileTree(root: URL(fileURLWithPath: inputs.templates), displayName: inputs.templates)
        let staged: StagedSiteDirectory
        do {
            staged = try StagedSiteDirectory(
                output: URL(fileURLWithPath: output), displayName: output,
                protecting: [contentTree.root, templateTree.root])
        } catch {
            console.error("\(error)")
            throw ExitCode(2)
        }
        let interrupt = InterruptHandler { staged.discard() }
        defer { interrupt.cancel() }

        let sitePolicy: SitePolicy?
        do {
            let (loaded, problems) = try SitePolicyLoader.load(inputs.policyPaths)
            console.print(problems, quiet: quiet)
            if problems.hasErrors { throw ExitCode(2) }
            sitePolicy = loaded
        } catch let error as SitePolicyLoader.LoadError {
            staged.discard()
            console.error(error.description)
            throw ExitCode(2)
        }
        let builder = SiteBuilder(
            configuration: configuration, content: contentTree, templates: templateTree,
            options: BuildOptions(includeDrafts: drafts), policy: sitePolicy)
        let report: BuildReport
        do {
            report = try builder.build(into: staged)
        } catch {
            staged.discard()
            console.error("\(error)")
            throw ExitCode(2)
        }
        console.print(report.diagnostics, quiet: quiet)
        if timings {
            for (phase, duration) in report.timings {
                console.status(String(format: "%8.3f s  %@", duration, phase))
            }
        }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        let counts = "\(report.diagnostics.errorCount) error\(report.diagnostics.errorCount == 1 ? "" : "s"), \(report.diagnostics.warningCount) warning\(report.diagnostics.warningCount == 1 ? "" : "s")"
        guard report.succeeded else {
            staged.discard()
            console.status("Build failed: \(counts); nothing was published and \(output) is unchanged.")
            throw ExitCode(1)
        }
        do {
            try staged.publish()
        } catch {
            staged.discard()
            console.error("\(error)")
            throw ExitCode(2)
        }
        console.status("Built \(report.articleCount) article\(report.articleCount == 1 ? "" : "s") in \(report.collectionCount) collection\(report.collectionCount == 1 ? "" : "s") (\(report.pagesWritten) pages, \(report.filesCopied) files copied) into \(output) in \(seconds) s; \(counts).")
    }
}

/// Reads `helpcenter.yaml` when it exists; its errors stop the run (exit 2), its warnings are printed.
enum ConfigurationLoader {
    static func load(path: String, console: Console, quiet: Bool) throws -> SiteConfiguration {
        guard FileManager.default.fileExists(atPath: path) else { return SiteConfiguration() }
        guard let data = FileManager.default.contents(atPath: path), let text = String(validating: data, as: UTF8.self) else {
            console.error("cannot read the configuration file \(path) as UTF-8 text")
            throw ExitCode(2)
        }
        let (configuration, diagnostics) = SiteConfiguration.parse(text, path: path)
        console.print(diagnostics, quiet: quiet)
        if diagnostics.hasErrors { throw ExitCode(2) }
        return configuration
    }
}

/// Removes the staging folder when the build is interrupted (Ctrl-C, or a CI job's SIGTERM).
final class InterruptHandler: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []

    init(_ cleanUp: @escaping @Sendable () -> Void) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                cleanUp()
                FileHandle.standardError.write(Data("\nInterrupted: nothing was published.\n".utf8))
                exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
