import Foundation
import HelpCenterDiagnostics
import Synchronization
import Testing

@testable import HelpCenterSite
@testable import HelpCenterSiteFiles

/// The publish transaction that `helpcenter build` and `helpcenter serve` share.
@Suite("Publishing a build")
struct SitePublisherTests {
    private struct Build: PublishableBuild {
        var succeeded: Bool
    }

    private struct BuildFailure: Error {}

    /// A folder with a previous site in it, and a staged build of a new one.
    private func previousSite() throws -> (root: URL, output: URL, staged: StagedSiteDirectory) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("helpcenter-publisher-\(UUID().uuidString)")
        let output = root.appendingPathComponent("_site")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: output.appendingPathComponent("index.html"))
        try Data().write(to: output.appendingPathComponent(OutputFolderGuard.markerName))
        return (root, output, try StagedSiteDirectory(output: output, displayName: "_site", protecting: []))
    }

    private func text(_ url: URL) -> String? {
        (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func aGoodBuildIsPublished() throws {
        let (root, output, staged) = try previousSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = try SitePublisher.run(into: staged) { staged in
            try staged.write("index.html", Data("new".utf8))
            return Build(succeeded: true)
        }
        guard case .published = outcome else {
            Issue.record("not published: \(outcome)")
            return
        }
        #expect(text(output.appendingPathComponent("index.html")) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["_site"], "no staging folder is left")
    }

    @Test func aBuildWithErrorsIsDiscardedAndThePreviousSiteStays() throws {
        let (root, output, staged) = try previousSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = try SitePublisher.run(into: staged) { staged in
            try staged.write("index.html", Data("half".utf8))
            return Build(succeeded: false)
        }
        guard case .rejected = outcome else {
            Issue.record("published: \(outcome)")
            return
        }
        #expect(text(output.appendingPathComponent("index.html")) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["_site"], "the staging folder is removed")
    }

    @Test func aBuildThatThrowsIsDiscardedAndTheErrorReachesTheCaller() throws {
        let (root, output, staged) = try previousSite()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: BuildFailure.self) {
            _ = try SitePublisher.run(into: staged) { staged -> Build in
                try staged.write("index.html", Data("half".utf8))
                throw BuildFailure()
            }
        }
        #expect(text(output.appendingPathComponent("index.html")) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["_site"])
        #expect(throws: SiteFileError.self, "a discarded staging folder takes no more writes") {
            try staged.write("late.html", Data())
        }
    }

    @Test func aSiteInMemoryIsVisibleOnlyOncePublished() throws {
        let staged = InMemoryStagedSite()
        _ = try SitePublisher.run(into: staged) { staged in
            try staged.write("a.html", Data("a".utf8))
            return Build(succeeded: false)
        }
        #expect(staged.files.isEmpty)
        _ = try SitePublisher.run(into: staged) { staged in
            try staged.write("b.html", Data("b".utf8))
            return Build(succeeded: true)
        }
        #expect(staged.files.keys.sorted() == ["b.html"], "the rejected build's page was thrown away")
    }
}

extension SitePublisherTests {
    /// A staged site whose publishing fails (a swap that cannot happen).
    private final class UnpublishableSite: StagedSite {
        let discarded = Mutex(false)
        struct SwapFailed: Error {}

        func publish() throws { throw SwapFailed() }
        func discard() { discarded.withLock { $0 = true } }
    }

    @Test func aFailedPublishDiscardsAndKeepsTheBuildForItsWarnings() throws {
        let staged = UnpublishableSite()
        do {
            _ = try SitePublisher.run(into: staged) { _ in Build(succeeded: true) }
            Issue.record("publishing was expected to fail")
        } catch let failure as SitePublisher.PublishFailure<Build> {
            #expect(failure.build.succeeded)
            #expect(failure.underlying is UnpublishableSite.SwapFailed)
        }
        #expect(staged.discarded.withLock { $0 })
    }
}
