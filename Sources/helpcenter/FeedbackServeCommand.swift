import ArgumentParser
import Foundation
import HelpCenterFeedback

/// `helpcenter feedback serve`: the vote collector that `feedback_endpoint` names.
struct FeedbackServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Collect votes posted by the site's feedback widget.",
        discussion: """
            Takes votes at POST / for the articles of the built site (--site) and stores them \
            in the database: an SQLite file, or postgres://user:password@host:port/database. \
            No address or cookie is stored. SIGINT or SIGTERM stop it after the votes in flight \
            are stored. Exit status 2: it could not start (bad option, no site, database unreachable).
            """
    )

    @Option(help: "An SQLite file, or postgres://user:password@host:port/database.")
    var database = FeedbackDatabase.defaultPath

    @Option(help: "The built site whose articles may receive votes.")
    var site = "_site"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8080

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "An origin (https://help.example.org) whose pages may post votes; repeat for several.")
    var allowOrigin: [String] = []

    @Option(help: "Votes per minute from one address (0: no limit).")
    var rateLimit = 10

    @Option(help: "A proxy's address whose X-Forwarded-For names the client; repeat for several.")
    var trustedProxy: [String] = []

    @Flag(help: "Log every request.")
    var verbose = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard rateLimit >= 0 else { throw ValidationError("--rate-limit must be 0 or more") }
        for origin in allowOrigin {
            guard let url = URL(string: origin), ["http", "https"].contains(url.scheme ?? ""), url.host != nil, url.path.isEmpty || url.path == "/" else {
                throw ValidationError("--allow-origin must be an origin such as https://help.example.org, not '\(origin)'")
            }
        }
    }

    func run() async throws {
        let console = Console()
        let location: FeedbackDatabase
        let catalog: SiteArticleCatalog
        let store: any FeedbackStore
        do {
            location = try FeedbackDatabase(database)
            catalog = try SiteArticleCatalog.load(site: site)
            store = try await location.open()
        } catch {
            throw CommandFailure("\(error)")
        }
        let options = CollectorOptions(
            host: host, port: port, allowedOrigins: allowOrigin, votesPerMinute: rateLimit, trustedProxies: Set(trustedProxy), logsRequests: verbose)
        let collector = FeedbackCollector(catalog: catalog, store: store, options: options)
        let articles = catalog.count
        let app = FeedbackCollectorServer.makeApplication(collector) { url in
            console.status("Collecting votes for \(articles) article\(articles == 1 ? "" : "s") at \(url) into \(location)")
        }
        let watcher = Task { await Self.watch(site: site, for: collector, console: console) }
        defer { watcher.cancel() }
        do {
            try await FeedbackCollectorServer.run(app)
        } catch {
            throw CommandFailure(FeedbackCollectorServer.explain(error, host: host, port: port))
        }
        console.status("Stopped: \(collector.acknowledgedVotes) vote\(collector.acknowledgedVotes == 1 ? "" : "s") stored and acknowledged in this run")
    }

    /// How often the site folder is looked at for a new publication.
    static let siteCheckInterval: Duration = .seconds(5)

    /// Reads the articles again whenever `helpcenter build` has published the site anew (the
    /// folder is swapped, so its identity changes). A site that cannot be read keeps the
    /// articles known so far, with a warning.
    static func watch(site: String, for collector: FeedbackCollector, console: Console) async {
        var stamp = SiteArticleCatalog.stamp(site: site)
        while !Task.isCancelled {
            do { try await Task.sleep(for: siteCheckInterval) } catch { return }
            guard let now = SiteArticleCatalog.stamp(site: site), now != stamp else { continue }
            do {
                let catalog = try SiteArticleCatalog.load(site: site)
                collector.site.replace(with: catalog)
                stamp = now
                console.status("The site was published again: collecting votes for \(catalog.count) article\(catalog.count == 1 ? "" : "s")")
            } catch {
                stamp = now
                console.warning("the site was published again but could not be read (\(error)); votes are checked against the articles read before")
            }
        }
    }
}
