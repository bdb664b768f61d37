import Foundation
import HelpCenterConcurrency
import HelpCenterDiagnostics
import HelpCenterHTTP
import HelpCenterSite
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The writers' preview: the site in memory, served over HTTP with live reload, rebuilt when
/// its inputs change. Build it, call `buildFirst()`, then `run()` until Ctrl-C (SIGINT or
/// SIGTERM stop it gracefully: open event streams end, the watcher stops).
public final class PreviewServer: Sendable {
    public let rebuilder: SiteRebuilder
    public let hub: LiveReloadHub
    public let pending = PendingChanges()
    public let version = SiteVersion()
    public let inputs: [WatchedInput]
    public let options: PreviewOptions
    public let observer: PreviewObserver
    /// The readers' scores shown in the articles' feedback boxes (published by the command).
    public let scores = FeedbackScoreBoard()

    public init(
        session: SiteSession, configurationFile: SiteRebuilder.ConfigurationFile?, policySource: SiteRebuilder.PolicySource? = nil,
        inputs: [WatchedInput], options: PreviewOptions = PreviewOptions(), observer: PreviewObserver = PreviewObserver()
    ) {
        rebuilder = SiteRebuilder(session: session, configurationFile: configurationFile, policySource: policySource)
        hub = LiveReloadHub(initialState: .ok(version: version.current))
        self.inputs = inputs
        self.options = options
        self.observer = observer
    }

    public var store: ServedSiteStore { rebuilder.store }

    /// The first build; thrown errors are operational (a missing folder), content errors are
    /// in the outcome and shown in every page's overlay.
    @discardableResult
    public func buildFirst() throws -> RebuildOutcome {
        let outcome = try rebuilder.buildFirst()
        if !outcome.succeeded {
            hub.publish(service.event(for: outcome))
        }
        return outcome
    }

    /// Throws when the preview's address cannot be listened on (a port in use): called before
    /// `buildFirst()`, so that the writer hears it before the build, not after
    /// (`ListenAddressCheck`).
    public func checkAddress() async throws {
        try await ListenAddressCheck.check(host: options.host, port: options.port)
    }

    public var responder: PreviewResponder {
        PreviewResponder(store: store, hub: hub, logsRequests: options.logsRequests, scores: scores, hostCheck: options.hostCheck)
    }

    public var service: PreviewService {
        PreviewService(rebuilder: rebuilder, hub: hub, pending: pending, inputs: inputs, options: options, observer: observer, version: version)
    }

    /// The Hummingbird application: the responder, with the watcher and rebuild loop as a service.
    public func makeApplication(logger: Logger? = nil) -> Application<PreviewResponder> {
        var logger = logger ?? Logger(label: "helpcenter.serve")
        if logger.label == "helpcenter.serve" {
            // Quiet by default: only problems; request lines with `--verbose`.
            logger.logLevel = options.logsRequests ? .info : .warning
        }
        let observer = observer
        return Application(
            responder: responder,
            server: ServerLimits.http1(),
            configuration: ApplicationConfiguration(
                address: .hostname(options.host, port: options.port), serverName: nil,
                availableConnectionsDelegate: .maximum(ProcessLimits.connectionCap(Self.maximumConnections), logger: logger)),
            services: [service],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                observer.listening(Self.url(host: channel.localAddress?.ipAddress ?? "127.0.0.1", port: port))
            },
            logger: logger)
    }

    /// Serves until SIGINT or SIGTERM. Open event streams end at once; a response still being
    /// written after `shutdownGrace` (to a page that stopped reading, whose write waits for
    /// room that never comes) is cancelled, so that Ctrl-C always stops the preview.
    public func run(logger: Logger? = nil) async throws {
        let application = makeApplication(logger: logger)
        try await ServerLimits.runUntilSignalled(application, grace: Self.shutdownGrace, logger: application.logger)
    }

    /// Why the server could not start, or stopped, in a writer's words (`ServerLimits.explain`).
    public static func explain(_ error: any Error, host: String, port: Int) -> String {
        ServerLimits.explain(error, server: "the preview server", host: host, port: port)
    }

    /// How long the server waits for the rest of its responses after Ctrl-C.
    static let shutdownGrace: Duration = .seconds(2)

    /// At most this many connections at once (fewer when the process may open fewer files:
    /// `ProcessLimits.connectionCap`).
    static let maximumConnections = 1024

    static func url(host: String, port: Int) -> String {
        host.contains(":") ? "http://[\(host)]:\(port)/" : "http://\(host):\(port)/"
    }
}
