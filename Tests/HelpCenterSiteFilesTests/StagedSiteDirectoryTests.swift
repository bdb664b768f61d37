import Foundation
import Testing

@testable import HelpCenterSite
@testable import HelpCenterSiteFiles

@Suite("Publishing the output folder")
struct StagedSiteDirectoryTests {
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("helpcenter-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func publishReplacesTheWholeOldSite() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("_site")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: output.appendingPathComponent("stale.html"))
        try Data().write(to: output.appendingPathComponent(OutputFolderGuard.markerName))
        let staged = try StagedSiteDirectory(output: output, displayName: "_site", protecting: [])
        try staged.write("a/index.html", Data("new".utf8))
        try staged.publish()
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("a/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("stale.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["_site"])
    }

    @Test func aFailedBuildLeavesThePreviousSiteAsItWas() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("_site")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("previous".utf8).write(to: output.appendingPathComponent("index.html"))
        try Data().write(to: output.appendingPathComponent(OutputFolderGuard.markerName))
        let staged = try StagedSiteDirectory(output: output, displayName: "_site", protecting: [])
        try staged.write("index.html", Data("half-written".utf8))
        staged.discard()
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["_site"])
    }

    @Test func leftoversOfAnInterruptedBuildAreCleanedUp() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let leftover = root.appendingPathComponent("._site.staging-999999999")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
        let staged = try StagedSiteDirectory(output: root.appendingPathComponent("_site"), displayName: "_site", protecting: [])
        staged.discard()
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
    }

    @Test func aSiteLeftHalfSwappedByAKilledBuildIsPutBack() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let previous = root.appendingPathComponent("._site.old-999999999")
        try FileManager.default.createDirectory(at: previous, withIntermediateDirectories: true)
        try Data("previous".utf8).write(to: previous.appendingPathComponent("index.html"))
        let staged = try StagedSiteDirectory(output: root.appendingPathComponent("_site"), displayName: "_site", protecting: [])
        staged.discard()
        #expect(try String(contentsOf: root.appendingPathComponent("_site/index.html"), encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["_site"])
    }

    @Test func abandoningWhileWorkersWriteLeavesNoStagingFolder() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let staged = try StagedSiteDirectory(output: root.appendingPathComponent("_site"), displayName: "_site", protecting: [])
        let page = Data("<p>page</p>".utf8)
        // Four threads write pages into new folders until the folder closes under them (or
        // 20,000 pages each: abandon() comes long before).
        let writers = DispatchGroup()
        let written = ManagedCount()
        for worker in 0..<4 {
            DispatchQueue.global().async(group: writers) {
                for index in 0..<20_000 {
                    guard (try? staged.write("w\(worker)/p\(index)/index.html", page)) != nil else { return }
                    written.add()
                }
            }
        }
        while written.value < 200 { usleep(1_000) }
        staged.abandon()
        #expect(!FileManager.default.fileExists(atPath: staged.staging.path))
        writers.wait()
        // Writers that were still going found the folder closed: nothing came back.
        #expect(!FileManager.default.fileExists(atPath: staged.staging.path))
        #expect(written.value < 80_000)
        #expect(throws: SiteFileError.self) { try staged.write("late/index.html", page) }
        #expect(throws: SiteFileError.self) { try staged.publish() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
    }

    final class ManagedCount: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    @Test func refusesDangerousOutputs() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        let cases: [URL] = [
            URL(fileURLWithPath: "/"), FileManager.default.homeDirectoryForCurrentUser, content, root,
            content.appendingPathComponent("_site"),
        ]
        for output in cases {
            #expect(throws: SiteFileError.self) {
                _ = try StagedSiteDirectory(output: output, displayName: output.path, protecting: [content])
            }
        }
    }
}
