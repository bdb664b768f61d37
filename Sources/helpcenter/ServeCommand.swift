import ArgumentParser
import Foundation
import HelpCenterDiagnostics
import HelpCenterPolicyDocs
import HelpCenterPreview
import HelpCenterSite

/// `helpcenter serve`: the writers' preview. Builds the site into memory, serves it with live
/// reload, and rebuilds when content, templates, the configuration, the policy or the
/// scenarios change. Content errors never stop it: they show in every open page.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the help centre locally, rebuilding on save.",
        discussion: """
            Pages reload by themselves after each rebuild; build errors show over the page, \
            with file, line and column, until they are fixed. Ctrl-C stops the server (exit 0). \
            Exit status 2: the server could not start (bad option, missing folder, invalid \
            configuration, port in use).
            """
    )

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 4000

    @Option(help: "The address to listen on; the default keeps the preview on this machine.")
    var host = "127.0.0.1"

    @Option(
        name: .customLong("allow-host"),
        help: ArgumentHelp(
            "Also answer requests for this host name (repeatable). Only localhost and IP addresses are answered otherwise, so that a web page cannot read the preview through DNS rebinding.",
            valueName: "name"))
    var allowedHosts: [String] = []

    @OptionGroup var inputs: SiteInputOptions

    @Flag(help: "Show articles marked draft: true, with a Draft badge.")
    var drafts = false

    @Flag(help: "Open the site in the browser.")
    var open = false

    @Flag(help: "Watch by scanning the folders every 0.5 s instead of with inotify.")
    var poll = false

    @Option(help: "Milliseconds without a change before a rebuild starts (a burst of saves is one rebuild).")
    var debounceMs = 50

    @Flag(help: "Say which project folder is used, and log every request.")
    var verbose = false

    @Option(help: "The feedback collector's database (SQLite file or postgres://…): show each article's score from readers.")
    var feedbackDatabase: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard (0...5000).contains(debounceMs) else { throw ValidationError("--debounce-ms must be between 0 and 5000") }
        for name in allowedHosts {
            if let problem = PreviewHostCheck.problem(withAllowedName: name) { throw ValidationError("--allow-host '\(name)': \(problem)") }
        }
    }

    func run() async throws {
        let console = Console()
        let inputs = try self.inputs.resolve(verbose: verbose)
        let configuration = try ConfigurationLoader.load(path: inputs.config, console: console, quiet: false)
        let contentTree = inputs.contentTree
        let templateTree = inputs.templateTree
        let policySource = Self.policySource(inputs.policyPaths)
        let (sitePolicy, policyProblems) = policySource()
        console.print(policyProblems, quiet: false)
        if policyProblems.hasErrors { throw ExitCode(2) }
        let builder = SiteBuilder(
            configuration: configuration, content: contentTree, templates: templateTree,
            options: BuildOptions(includeDrafts: drafts, today: NewArticleCommand.today()), policy: sitePolicy)
        let server = PreviewServer(
            session: SiteSession(builder: builder),
            configurationFile: .init(location: URL(fileURLWithPath: inputs.config), displayPath: inputs.config),
            policySource: policySource,
            inputs: Self.watchedInputs(inputs, content: contentTree.root, templates: templateTree.root),
            options: PreviewOptions(
                host: host, port: port, forcePolling: poll, quietPeriod: .milliseconds(debounceMs), logsRequests: verbose,
                allowedHosts: allowedHosts),
            observer: observer(console))

        // A port in use is said before the first build, not after it.
        do {
            try await server.checkAddress()
        } catch {
            throw CommandFailure(PreviewServer.explain(error, host: host, port: port))
        }
        let first: RebuildOutcome
        do {
            first = try server.buildFirst()
        } catch {
            throw CommandFailure("\(error)")
        }
        console.print(first.diagnostics, quiet: false)
        if !["127.0.0.1", "localhost", "::1"].contains(host) {
            console.status("note: listening on \(host): other machines on the network can see the preview")
        }
        let pages = first.change?.changedPaths.count ?? 0
        console.status(
            first.succeeded
                ? "Built \(pages) files in \(Self.milliseconds(first.duration)) ms\(drafts ? " (drafts shown)" : "")."
                : "The site has errors; the pages show them until they are fixed.")

        let scores = try await FeedbackScores.start(feedbackDatabase, board: server.scores, console: console)
        defer { scores?.cancel() }
        do {
            try await server.run()
        } catch {
            throw CommandFailure(PreviewServer.explain(error, host: host, port: port))
        }
        console.status("Stopped.")
    }

    /// Reads the policy, its vocabulary and the scenarios, as `helpcenter build` does; a file
    /// that cannot be used becomes an error at the policy file.
    private static func policySource(_ paths: SitePolicyLoader.Paths) -> SiteRebuilder.PolicySource {
        {
            do {
                return try SitePolicyLoader.load(paths)
            } catch {
                return (nil, [.error("\(error)", at: SourceLocation(path: paths.wording), id: "policy")])
            }
        }
    }

    private static func watchedInputs(_ inputs: SiteInputs, content: URL, templates: URL) -> [WatchedInput] {
        let policyFile = URL(fileURLWithPath: inputs.policy)
        let policyFolder = policyFile.deletingLastPathComponent()
        let policyFolderName = (inputs.policy as NSString).deletingLastPathComponent
        return [
            WatchedInput(content, kind: .folder, tree: .content),
            WatchedInput(templates, kind: .folder, tree: .templates),
            WatchedInput(URL(fileURLWithPath: inputs.config), kind: .file, tree: .configuration),
            // The policy's folder when it has one of its own (policy/), else just the file.
            policyFolderName.isEmpty
                ? WatchedInput(policyFile, kind: .file, tree: .other)
                : WatchedInput(policyFolder, kind: .folder, tree: .other, reportedPrefix: policyFolderName + "/"),
            WatchedInput(URL(fileURLWithPath: inputs.scenarios), kind: .folder, tree: .other, reportedPrefix: inputs.scenarios + "/"),
        ] + vocabularyInput(inputs, besides: policyFolder)
    }

    /// The vocabulary, when it is not in the policy's folder (watched already).
    private static func vocabularyInput(_ inputs: SiteInputs, besides policyFolder: URL) -> [WatchedInput] {
        let file = URL(fileURLWithPath: inputs.vocabulary)
        guard file.deletingLastPathComponent().standardizedFileURL != policyFolder.standardizedFileURL else { return [] }
        return [WatchedInput(file, kind: .file, tree: .other)]
    }

    private func observer(_ console: Console) -> PreviewObserver {
        let openBrowser = open
        return PreviewObserver(
            listening: { url in
                console.status("Serving the help centre at \(url) (Ctrl-C stops)")
                if openBrowser && !BrowserLauncher.open(url) {
                    console.status("note: could not open a browser (no xdg-open); open \(url) yourself")
                }
            },
            rebuilt: { outcome, sinceChange in
                console.print(outcome.newDiagnostics, quiet: false)
                let what = outcome.triggerNames.prefix(3).joined(separator: ", ")
                if outcome.succeeded {
                    let count = outcome.changedPaths.count + outcome.removedPaths.count
                    console.status(
                        "Rebuilt after \(what.isEmpty ? "changes" : what): \(count) file\(count == 1 ? "" : "s") changed in \(Self.milliseconds(outcome.duration)) ms, \(Self.milliseconds(outcome.snapshotDuration)) ms of it preparing them for serving (\(Self.milliseconds(sinceChange)) ms after the change)."
                    )
                } else {
                    let errors = outcome.diagnostics.errorCount
                    console.status(
                        "Rebuild failed after \(what.isEmpty ? "changes" : what): \(errors) error\(errors == 1 ? "" : "s"); the last good pages stay served.")
                }
            },
            notice: { console.status("note: \($0)") })
    }

    static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }
}
