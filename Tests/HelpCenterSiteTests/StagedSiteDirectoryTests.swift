import Foundation
import Testing
@testable import HelpCenterSite

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
