import Foundation
import HelpCenterSite
import Testing

@testable import HelpCenterPreview

/// Both watchers on a real folder: a save, a new folder with a file, an editor's swap file.
@Suite(.serialized) struct InputWatcherTests {
    enum Kind: String, CaseIterable { case inotify, polling }

    static func makeWatcher(_ kind: Kind, _ inputs: [WatchedInput]) -> any InputWatcher {
        switch kind {
        case .inotify: InotifyWatcher(inputs: inputs)
        case .polling: PollingWatcher(inputs: inputs, interval: 0.05)
        }
    }

    final class Received: @unchecked Sendable {
        private let lock = NSLock()
        private var changes: Set<SiteInputChange> = []
        func add(_ event: InputWatchEvent) {
            if case .changed(let new) = event { lock.withLock { changes.formUnion(new) } }
        }
        var all: Set<SiteInputChange> { lock.withLock { changes } }
        func clear() { lock.withLock { changes.removeAll() } }
    }

    /// The preview fixture in a temporary folder, watched; the caller stops the watcher and
    /// removes the folder.
    static func watchFixture(_ kind: Kind) throws -> (URL, any InputWatcher, Received) {
        let root = try PreviewFixture.writeToTemporaryFolder()
        let watcher = makeWatcher(kind, PreviewFixture.inputs(root))
        let received = Received()
        do {
            try watcher.start { received.add($0) }
        } catch {
            try? FileManager.default.removeItem(at: root)
            throw error
        }
        return (root, watcher, received)
    }

    @Test(arguments: Kind.allCases)
    func reportsSavesNewFoldersAndPolicyChanges(kind: Kind) async throws {
        let (root, watcher, received) = try Self.watchFixture(kind)
        defer {
            watcher.stop()
            try? FileManager.default.removeItem(at: root)
        }

        try PreviewFixture.write("changed", to: root.appendingPathComponent("content/guides/first-steps.md"))
        try PreviewFixture.write("swap", to: root.appendingPathComponent("content/guides/.first-steps.md.swp"))
        try PreviewFixture.write("rules: [x]", to: root.appendingPathComponent("policy/backup-policy.yaml"))
        try PreviewFixture.write("name: y", to: root.appendingPathComponent("helpcenter.yaml"))
        #expect(
            await eventually {
                received.all.isSuperset(of: [
                    SiteInputChange(.content, "guides/first-steps.md"), SiteInputChange(.other, "policy/backup-policy.yaml"),
                    SiteInputChange(.configuration, "helpcenter.yaml"),
                ])
            })
        // A folder created after the watch started is watched too.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/new-collection"), withIntermediateDirectories: true)
        try await Task.sleep(for: .milliseconds(100))
        try PreviewFixture.write(PreviewFixture.article(title: "New", body: "x"), to: root.appendingPathComponent("content/new-collection/new.md"))
        #expect(await eventually { received.all.contains(SiteInputChange(.content, "new-collection/new.md")) })
        #expect(!received.all.contains { $0.path.hasSuffix(".swp") })
    }

    /// A new link to a page, and an edit to the file a link leads to, are changes at the
    /// link's path too (the polling watcher used to see regular files only).
    @Test(arguments: Kind.allCases)
    func reportsLinksAndEditsThroughThem(kind: Kind) async throws {
        let (root, watcher, received) = try Self.watchFixture(kind)
        defer {
            watcher.stop()
            try? FileManager.default.removeItem(at: root)
        }
        let link = root.appendingPathComponent("content/guides/linked.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "first-steps.md")
        #expect(await eventually { received.all.contains(SiteInputChange(.content, "guides/linked.md")) })
        guard kind == .polling else { return }
        // inotify reports an edit at the target's own path only (the page of the link to it
        // then stays as it was until a full rebuild; docs/preview.md).
        try await Task.sleep(for: .milliseconds(1100))
        received.clear()
        try PreviewFixture.write("changed through the link", to: root.appendingPathComponent("content/guides/first-steps.md"))
        #expect(await eventually { received.all.contains(SiteInputChange(.content, "guides/linked.md")) })
    }
}
