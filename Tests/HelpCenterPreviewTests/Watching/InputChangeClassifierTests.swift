import Foundation
import HelpCenterSite
import Testing

@testable import HelpCenterPreview

@Suite struct InputChangeClassifierTests {
    static let root = URL(fileURLWithPath: "/project")
    static let classifier = InputChangeClassifier(PreviewFixture.inputs(root))

    @Test(arguments: [
        ("/project/content/guides/a.md", SiteInputChange(.content, "guides/a.md")),
        ("/project/templates/partials/nav.mustache", SiteInputChange(.templates, "partials/nav.mustache")),
        ("/project/templates/assets/site.css", SiteInputChange(.templates, "assets/site.css")),
        ("/project/helpcenter.yaml", SiteInputChange(.configuration, "helpcenter.yaml")),
        ("/project/policy/backup-policy.yaml", SiteInputChange(.other, "policy/backup-policy.yaml")),
        ("/project/scenarios/recovery.yaml", SiteInputChange(.other, "scenarios/recovery.yaml")),
    ])
    func mapsPathsToTheirInputs(path: String, expected: SiteInputChange) {
        #expect(Self.classifier.change(forAbsolutePath: path) == expected)
    }

    @Test(arguments: [
        "/project/content/guides/.a.md.swp", "/project/content/guides/a.md.swx", "/project/content/guides/a.md~",
        "/project/content/guides/.#a.md", "/project/content/guides/#a.md#", "/project/content/guides/4913",
        "/project/content/.git/index", "/project/README.md", "/project/helpcenter.yaml.bak", "/elsewhere/content/a.md",
    ])
    func ignoresEditorFilesAndOtherPaths(path: String) {
        #expect(Self.classifier.change(forAbsolutePath: path) == nil)
    }

    @Test func aHiddenFolderAboveTheProjectDoesNotHideIt() {
        let classifier = InputChangeClassifier(PreviewFixture.inputs(URL(fileURLWithPath: "/home/writer/.work/help")))
        #expect(classifier.change(forAbsolutePath: "/home/writer/.work/help/content/a/b.md") == SiteInputChange(.content, "a/b.md"))
    }
}

@Suite struct PendingChangesTests {
    @Test func aBurstOfSavesBecomesOneBatchAfterTheQuietPeriod() async throws {
        let pending = PendingChanges()
        let started = ContinuousClock.now
        // Saves come from a thread of their own, as inotify's do, so a busy test pool can't delay them.
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            for index in 0..<5 {
                pending.add(.changed([SiteInputChange(.content, "a\(index).md")]))
                usleep(5_000)
            }
            done.signal()
        }
        // The quiet period is far longer than the gaps between saves.
        let batch = try #require(await pending.nextBatch(quietPeriod: .milliseconds(300)))
        done.wait()
        #expect(batch.changes.count == 5)
        #expect(!batch.everything)
        #expect(ContinuousClock.now - started >= .milliseconds(300))
    }

    @Test func changesDuringARebuildMakeTheNextBatch() async throws {
        let pending = PendingChanges()
        pending.add(.changed([SiteInputChange(.content, "a.md")]))
        let first = try #require(await pending.nextBatch(quietPeriod: .milliseconds(1)))
        pending.add(.changed([SiteInputChange(.content, "b.md")]))
        pending.add(.changed([SiteInputChange(.templates, "layout.mustache")]))
        pending.add(.lostTrack)
        let second = try #require(await pending.nextBatch(quietPeriod: .milliseconds(1)))
        #expect(first.changes == [SiteInputChange(.content, "a.md")])
        #expect(second.changes == [SiteInputChange(.content, "b.md"), SiteInputChange(.templates, "layout.mustache")])
        #expect(second.everything)
    }

    @Test func waitingEndsWhenCancelled() async {
        let pending = PendingChanges()
        let waiter = Task { await pending.nextBatch(quietPeriod: .milliseconds(1)) }
        try? await Task.sleep(for: .milliseconds(20))
        waiter.cancel()
        #expect(await waiter.value == nil)
    }
}
