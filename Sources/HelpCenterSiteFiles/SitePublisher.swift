import Foundation
import HelpCenterSite

/// A site being built somewhere it can be published from or thrown away: the staging folder
/// beside the output (`StagedSiteDirectory`, for `helpcenter build`) or the preview's site in
/// memory (for `helpcenter serve`).
public protocol StagedSite: AnyObject, Sendable {
    /// Puts the staged site where readers see it (swaps the folder in, replaces the served site).
    func publish() throws
    /// Throws the staged site away; what readers see stays as it was.
    func discard()
}

/// What a build into a staged site produced: whether it may be published.
public protocol PublishableBuild: Sendable {
    var succeeded: Bool { get }
}

extension BuildReport: PublishableBuild {}

/// The publish transaction that `build` and `serve` share: build into the staged site, then
/// publish it when the build succeeded, and discard it when the build failed or threw, or the
/// publishing itself failed. Nothing a failed build wrote ever reaches readers.
public enum SitePublisher {
    /// What became of a build.
    public enum Outcome<Build: PublishableBuild> {
        /// The build succeeded and its site was published.
        case published(Build)
        /// The build had errors; the staged site was discarded.
        case rejected(Build)

        public var build: Build {
            switch self {
            case .published(let build), .rejected(let build): build
            }
        }
    }

    /// A good build whose site could not be published (the swap failed): the build comes
    /// with it, so that its warnings can still be shown.
    public struct PublishFailure<Build: PublishableBuild>: Error, CustomStringConvertible {
        public let build: Build
        public let underlying: any Error

        public var description: String { "\(underlying)" }
    }

    /// Runs `build` into `staged` and publishes or discards it. Errors thrown by `build` are
    /// rethrown after the staged site is discarded; a failure to publish is thrown as a
    /// `PublishFailure` holding the build.
    public static func run<Staged: StagedSite, Build: PublishableBuild>(
        into staged: Staged, _ build: (Staged) throws -> Build
    ) throws -> Outcome<Build> {
        let result: Build
        do {
            result = try build(staged)
        } catch {
            staged.discard()
            throw error
        }
        guard result.succeeded else {
            staged.discard()
            return .rejected(result)
        }
        do {
            try staged.publish()
        } catch {
            staged.discard()
            throw PublishFailure(build: result, underlying: error)
        }
        return .published(result)
    }
}

extension StagedSiteDirectory: StagedSite {}
