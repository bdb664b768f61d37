import Foundation
import HelpCenterDiagnostics
import HelpCenterSite
import HelpCenterSiteFiles
import Testing

@testable import HelpCenterPreview

@Suite struct SiteRebuilderTests {
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func count() { lock.withLock { value += 1 } }
        var total: Int { lock.withLock { value } }
    }

    static func rebuilder(configurationFile: SiteRebuilder.ConfigurationFile? = nil, policySource: SiteRebuilder.PolicySource? = nil) throws -> SiteRebuilder {
        let builder = SiteBuilder(
            configuration: SiteConfiguration(),
            content: InMemoryFileTree(PreviewFixture.content, displayPrefix: "content/"),
            templates: InMemoryFileTree(PreviewFixture.templates, displayPrefix: "templates/"))
        let rebuilder = SiteRebuilder(session: SiteSession(builder: builder), configurationFile: configurationFile, policySource: policySource)
        _ = try rebuilder.buildFirst()
        return rebuilder
    }

    @Test func policyChangesReadThePolicyAgainAndItsErrorsKeepTheLastGoodSite() async throws {
        let calls = Calls()
        let broken = Diagnostic.error("unknown rule 'R99'", at: SourceLocation(path: "policy/backup-policy.yaml", line: 4, column: 3), id: "policy")
        let failing = Calls()
        let rebuilder = try Self.rebuilder(policySource: {
            calls.count()
            return failing.total > 0 ? (nil, [broken]) : (nil, [])
        })
        let before = rebuilder.store.current.files.count

        _ = await rebuilder.rebuild([SiteInputChange(.content, "guides/first-steps.md")], everything: false)
        #expect(calls.total == 0)

        failing.count()
        let outcome = await rebuilder.rebuild([SiteInputChange(.other, "policy/backup-policy.yaml")], everything: false)
        #expect(calls.total == 1)
        #expect(!outcome.succeeded)
        #expect(outcome.diagnostics == [broken])
        #expect(rebuilder.store.current.files.count == before)
    }

    /// `sed -i` writes a temporary file beside the article and renames it onto the article: the
    /// terminal names the article, not the file that is gone; a file removed on its own is named so.
    @Test func theTerminalNamesTheChangedFilesThatExist() async throws {
        let rebuilder = try Self.rebuilder()
        let saved = await rebuilder.rebuild(
            [SiteInputChange(.content, "guides/first-steps.md"), SiteInputChange(.content, "guides/sed4CDCWL")], everything: false)
        #expect(saved.triggerNames == ["guides/first-steps.md"])
        // A file that was never in the site and is gone (made and deleted within the batch) is
        // not named; one that was is named as removed.
        let transient = await rebuilder.rebuild([SiteInputChange(.content, "guides/tmp123")], everything: false)
        #expect(transient.triggerNames.isEmpty)
        let root = try PreviewFixture.writeToTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let builder = SiteBuilder(
            configuration: SiteConfiguration(),
            content: DirectoryFileTree(root: root.appendingPathComponent("content"), displayName: "content"),
            templates: DirectoryFileTree(root: root.appendingPathComponent("templates"), displayName: "templates"))
        let onDisk = SiteRebuilder(session: SiteSession(builder: builder), configurationFile: nil)
        _ = try onDisk.buildFirst()
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/guides/draft-notes.md"))
        let removed = await onDisk.rebuild([SiteInputChange(.content, "guides/draft-notes.md")], everything: false)
        #expect(removed.triggerNames == ["guides/draft-notes.md (removed)"])
    }

    @Test func anInvalidConfigurationIsShownUntilFixed() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("helpcenter-config-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("helpcenter.yaml")
        try PreviewFixture.write("name: Preview Help\n", to: file)
        let rebuilder = try Self.rebuilder(configurationFile: .init(location: file, displayPath: "helpcenter.yaml"))
        let change: Set<SiteInputChange> = [SiteInputChange(.configuration, "helpcenter.yaml")]

        try PreviewFixture.write("base_url: ftp://nowhere\n", to: file)
        let failed = await rebuilder.rebuild(change, everything: false)
        #expect(!failed.succeeded)
        #expect(failed.diagnostics.first?.location.path == "helpcenter.yaml")

        try PreviewFixture.write("name: Renamed Help\n", to: file)
        let fixed = await rebuilder.rebuild(change, everything: false)
        #expect(fixed.succeeded)
        let home = try #require(rebuilder.store.current.files["index.html"])
        #expect(String(buffer: home.body).contains("Renamed Help"))
    }
}
