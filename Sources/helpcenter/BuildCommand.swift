import ArgumentParser
import Dispatch
import Foundation
import HelpCenterDiagnostics
import HelpCenterInputFiles
import HelpCenterPolicyDocs
import HelpCenterSite
import HelpCenterSiteFiles
import HelpCenterYAML
import ScenarioChecker
import Synchronization

/// `helpcenter build`: the help centre in `content/` through `templates/` into `_site/`.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the static help centre.",
        discussion: """
            Exit status: 0 built (warnings allowed, unless --strict), 1 content errors (nothing \
            published, the previous site is left as it was), 2 usage or I/O errors.
            """
    )

    @OptionGroup var inputs: SiteInputOptions

    @Option(help: ArgumentHelp("The output folder, replaced as a whole when the build succeeds (default: _site in the project folder).", valueName: "output"))
    var output: String?

    @Flag(help: "Publish articles marked draft: true.")
    var drafts = false

    @Flag(help: "Print only errors and the summary.")
    var quiet = false

    @Flag(help: "Print how long each phase of the build took.")
    var timings = false

    @Flag(help: "Leave out the search index (search/index/), to measure what it costs: the search box then finds nothing.")
    var noSearchIndex = false

    @Flag(help: "Say which project folder is used, and why.")
    var verbose = false

    @Flag(help: "Treat warnings as errors: a build with any warning fails and publishes nothing (for CI).")
    var strict = false

    @Option(
        help: ArgumentHelp(
            "Also write the build's findings for CI: github (workflow annotations, on standard output), or json, junit, sarif, gitlab (to --diagnostics-output).",
            valueName: "format"))
    var diagnostics: ReportFormat?

    @Option(help: ArgumentHelp("The file for --diagnostics (json, junit, sarif, gitlab).", valueName: "file"))
    var diagnosticsOutput: String?

    func validate() throws {
        if diagnosticsOutput != nil && diagnostics == nil {
            throw ValidationError("--diagnostics-output needs --diagnostics FORMAT (json, junit, sarif, github or gitlab)")
        }
        if diagnostics == .human {
            throw ValidationError("--diagnostics human is what the build prints already; choose github, json, junit, sarif or gitlab")
        }
        if let diagnostics, diagnostics != .github, diagnosticsOutput == nil {
            throw ValidationError(
                "--diagnostics \(diagnostics.rawValue) needs --diagnostics-output FILE: standard output carries the build's own lines (only github annotations are written there)"
            )
        }
    }

    func run() throws {
        let started = ContinuousClock.now
        let console = Console()
        // Installed first, so that an interruption at any point removes what this build staged.
        let interrupt = InterruptHandler()
        defer { interrupt.cancel() }
        let inputs = try self.inputs.resolve(verbose: verbose)
        let output = self.output ?? inputs.project.path("_site")
        // The CI report is opened before the build, so a place it can't or must not go is said
        // at once (exit 2), not after a build whose report is then lost.
        let diagnosticsSink = try openDiagnostics(inputs: inputs, output: output)
        // The findings for CI, written however the build ends (a configuration that can't be
        // used, or a scenarios folder that can't be read, ends it with exit 2, and its problems
        // are the report).
        var written: [Diagnostic]?
        defer {
            if let diagnosticsSink {
                if let written {
                    writeDiagnostics(strict ? written.map(Self.asError) : written, project: inputs.project, to: diagnosticsSink, console: console)
                } else {
                    diagnosticsSink.discard()
                }
            }
        }
        let site: SiteInputs.LoadedSite
        do {
            site = try inputs.loadSite(
                options: BuildOptions(includeDrafts: drafts, searchIndex: !noSearchIndex, today: NewArticleCommand.today()), console: console, quiet: quiet)
        } catch let error as SitePolicyLoader.LoadError {
            console.error(error.description)
            written = [.error(error.description, at: SourceLocation(path: error.path), id: "io")]
            throw interrupt.failure(2)
        } catch let rejected as ConfigurationLoader.Rejected {
            written = rejected.diagnostics
            throw interrupt.failure(2)
        }
        written = site.printedDiagnostics
        if site.policyProblems.hasErrors {
            console.status(
                "Build failed: \(Self.counts(site.policyProblems)) in the policy, vocabulary or scenarios; nothing was published and \(output) is unchanged.")
            throw interrupt.failure(1)
        }
        if strict && site.printedDiagnostics.warningCount > 0 {
            console.status(
                "Build failed (--strict): \(Self.counts(site.printedDiagnostics)) in the configuration, policy or vocabulary; nothing was published and \(output) is unchanged."
            )
            throw interrupt.failure(1)
        }
        let staged: StagedSiteDirectory
        do {
            staged = try interrupt.stage {
                try StagedSiteDirectory(output: URL(fileURLWithPath: output), displayName: output, guard: inputs.outputGuard)
            }
        } catch {
            console.error("\(error)")
            throw ExitCode(2)
        }
        let builder = site.builder
        // The publish transaction (build into the staging folder, then swap it in or discard it).
        let outcome: SitePublisher.Outcome<BuildReport>
        do {
            let strict = strict
            outcome = try SitePublisher.run(into: staged) { output in
                var report = try builder.build(into: output)
                // --strict: each warning is an error, so the publisher discards the site.
                if strict { report.diagnostics = report.diagnostics.map(Self.asError) }
                return report
            }
        } catch let failure as SitePublisher.PublishFailure<BuildReport> {
            // The build was good but the swap failed: its warnings first, then why.
            written? += failure.build.diagnostics
            printReport(failure.build, console: console)
            console.error("\(failure)")
            throw interrupt.failure(2)
        } catch {
            console.error("\(error)")
            throw interrupt.failure(2)
        }
        let report = outcome.build
        written? += report.diagnostics
        printReport(report, console: console)
        // The configuration's and the policy's warnings were printed first: counted too.
        let counts = Self.counts(site.printedDiagnostics + report.diagnostics)
        guard case .published = outcome else {
            console.status("Build failed\(strict ? " (--strict: warnings count as errors)" : ""): \(counts); nothing was published and \(output) is unchanged.")
            throw interrupt.failure(1)
        }
        // Measured after the swap: the time the whole command took, as a user sees it.
        let elapsed = ContinuousClock.now - started
        let seconds = String(format: "%.2f", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        console.status(
            "Built \(report.articleCount) article\(report.articleCount == 1 ? "" : "s") in \(report.collectionCount) collection\(report.collectionCount == 1 ? "" : "s") (\(report.pagesWritten) pages, \(report.filesCopied) files copied) into \(output) in \(seconds) s; \(counts)."
        )
    }

    /// A warning made an error by `--strict`.
    static func asError(_ diagnostic: Diagnostic) -> Diagnostic {
        var diagnostic = diagnostic
        if diagnostic.severity == .warning { diagnostic.severity = .error }
        return diagnostic
    }

    /// The sink for `--diagnostics` (nil without it): standard output, or `--diagnostics-output`,
    /// refused when it would replace an input or land in a folder the build reads or writes
    /// (a report in `content/` is published by the next build; one named `helpcenter.yaml`
    /// replaced the configuration: session 22's review).
    private func openDiagnostics(inputs: SiteInputs, output: String) throws -> ReportSink? {
        guard diagnostics != nil else { return nil }
        guard let file = diagnosticsOutput else { return try ReportSink(path: nil) }
        let target = CheckCommand.realPathOfReport(file)
        let real = { (path: String) in InputBoundary.realPath(path) ?? URL(fileURLWithPath: path).standardizedFileURL.path }
        for (path, what) in [(inputs.config, "the site configuration"), (inputs.policy, "the policy"), (inputs.vocabulary, "the vocabulary")]
        where real(path) == target {
            throw CommandFailure("refusing to write --diagnostics-output to \(file): it is \(what) (\(path)); choose another file")
        }
        for (folder, what) in [(inputs.content, "the content folder"), (inputs.templates, "the templates folder"), (output, "the site's output folder")] {
            let root = real(folder)
            if target == root || target.hasPrefix(root + "/") {
                throw CommandFailure(
                    "refusing to write --diagnostics-output to \(file): it is in \(what) (\(folder)), which the build reads or replaces; write it outside")
            }
        }
        do {
            return try ReportSink(path: file)
        } catch {
            throw CommandFailure("cannot write --diagnostics-output \(file): \(error)")
        }
    }

    /// `--diagnostics`: the findings in a CI format, paths from the repository's top (as the
    /// checker's machine formats write them: docs/checker.md).
    private func writeDiagnostics(_ findings: [Diagnostic], project: HelpCenterProject, to sink: ReportSink, console: Console) {
        guard let format = diagnostics else { return }
        let shown = CheckCommand.machinePath(project: project)
        let located = findings.map { finding in
            var finding = finding
            finding.location.path = shown(finding.location.path)
            return finding
        }
        sink.write(DiagnosticListReport.render(located.sorted(), format: format, tool: "helpcenter build", summary: []))
        do {
            try sink.commit()
        } catch {
            console.error("cannot write --diagnostics-output \(diagnosticsOutput ?? ""): \(error)")
        }
    }

    /// The build's diagnostics, and with `--timings` each phase's time.
    private func printReport(_ report: BuildReport, console: Console) {
        console.print(report.diagnostics, quiet: quiet)
        if timings {
            for (phase, duration) in report.timings {
                console.status(String(format: "%8.3f s  %@", duration, phase))
            }
        }
    }

    /// `2 errors, 1 warning`.
    static func counts(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.errorCount
        let warnings = diagnostics.warningCount
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }
}

/// Reads `helpcenter.yaml` when it exists; its errors stop the run (exit 2), its warnings are printed.
enum ConfigurationLoader {
    static func load(path: String, console: Console, quiet: Bool) throws -> SiteConfiguration {
        try loadPrinting(path: path, console: console, quiet: quiet).configuration
    }

    /// The configuration, and the warnings printed about it (for a summary that counts them).
    static func loadPrinting(path: String, console: Console, quiet: Bool) throws -> (configuration: SiteConfiguration, warnings: [Diagnostic]) {
        // No file: the defaults, a setting they leave out reported at the path the file would
        // have (it was a bare helpcenter.yaml, read from the current folder).
        guard FileManager.default.fileExists(atPath: path) else { return (SiteConfiguration.defaults(at: path), []) }
        let data: Data
        do {
            // Not FileManager: it would wait forever on a pipe named helpcenter.yaml.
            data = try InputFileReader.read(path, within: nil, maximumSize: YAMLInputLimits.siteConfiguration.maximumSize)
        } catch {
            throw Rejected.unreadable("cannot read the configuration file \(path): \(error.reason)", path: path, console: console)
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw Rejected.unreadable("cannot read the configuration file \(path) as UTF-8 text", path: path, console: console)
        }
        let (configuration, diagnostics) = SiteConfiguration.parse(text, path: path)
        console.print(diagnostics, quiet: quiet)
        if diagnostics.hasErrors { throw Rejected(diagnostics: diagnostics) }
        return (configuration, diagnostics)
    }

    /// A configuration that can't be used, its problems printed already: the command ends with
    /// exit 2 and nothing more to say, and `build --diagnostics` reports them (a broken
    /// `helpcenter.yaml` in a pull request gets its annotation like any other finding).
    struct Rejected: Error {
        var diagnostics: [Diagnostic]

        /// A file that can't be read at all: said on standard error, reported at the file.
        static func unreadable(_ message: String, path: String, console: Console) -> Rejected {
            console.error(message)
            return Rejected(diagnostics: [.error(message, at: SourceLocation(path: path), id: "io")])
        }
    }
}

/// Removes the staging folder when the build is interrupted (Ctrl-C, or a CI job's SIGTERM).
///
/// The signals are taken from the moment it exists; the staged folder is handed over with
/// ``stage(_:)`` once made. On a signal the staged folder is abandoned (writes under way
/// finish, later ones fail, a swap under way completes) and removed before the program exits
/// with 128 + the signal's number.
final class InterruptHandler {
    private let state: State
    private let signals: InterruptSignals

    /// What the signal handler and the build share.
    private final class State: Sendable {
        struct Value {
            var staged: StagedSiteDirectory?
            /// Set while the staging folder is being made: a signal then waits for it, so
            /// that a folder made a moment after the signal is still removed.
            var isStaging = false
            var interrupted = false
        }

        let value = Mutex(Value())

        func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
            value.withLock { body(&$0) }
        }
    }

    init() {
        let state = State()
        self.state = state
        signals = InterruptSignals { _ in
            state.withLock { $0.interrupted = true }
            while state.withLock({ $0.isStaging }) { usleep(1_000) }
            let staged = state.withLock { $0.staged }
            let published = staged?.abandon() ?? false
            FileHandle.standardError.write(
                Data(
                    (published
                        ? "\nInterrupted after the new site was published.\n"
                        : "\nInterrupted: nothing was published.\n").utf8))
        }
    }

    /// The error to leave `run()` with; after a signal, waits instead for the handler to end
    /// the program (its writes fail once the folder is closed, and exiting with 2 would cut the
    /// clean-up short).
    func failure(_ code: Int32) -> ExitCode {
        while state.withLock({ $0.interrupted }) { sleep(60) }
        return ExitCode(code)
    }

    /// Makes the staging folder with `make`, under the handler's protection from the start:
    /// a signal that arrives while it is being made removes it once it exists.
    func stage(_ make: () throws -> StagedSiteDirectory) throws -> StagedSiteDirectory {
        state.withLock { $0.isStaging = true }
        do {
            let staged = try make()
            state.withLock {
                $0.staged = staged
                $0.isStaging = false
            }
            return staged
        } catch {
            state.withLock { $0.isStaging = false }
            throw error
        }
    }

    func cancel() {
        signals.cancel()
    }
}
