import Foundation
import Testing

@testable import HelpCenterSite
@testable import HelpCenterSiteFiles

/// `build --output` replaces the folder as a whole: only an empty folder or one this program
/// wrote, and never an input, the repository, a home folder or a folder holding one.
@Suite("Which output folders a build may replace")
struct OutputFolderSafetyTests {
    /// A project (`content/`, `templates/`, `policy/`, `scenarios/`, `helpcenter.yaml`, `.git/`)
    /// inside a fake home folder (`home/user`) inside a temporary folder.
    final class Layout {
        let base: URL
        var home: URL { base.appendingPathComponent("home/user") }
        var project: URL { home.appendingPathComponent("project") }

        init() throws {
            base = FileManager.default.temporaryDirectory.appendingPathComponent("helpcenter-output-\(UUID().uuidString)")
            for folder in ["content/guides", "templates", "policy", "scenarios", ".git"] {
                try FileManager.default.createDirectory(at: project.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            try Data("name: Help\n".utf8).write(to: project.appendingPathComponent("helpcenter.yaml"))
            try Data("rules: []\n".utf8).write(to: project.appendingPathComponent("policy/backup-policy.yaml"))
        }

        deinit { try? FileManager.default.removeItem(at: base) }

        func url(_ path: String) -> URL { path.hasPrefix("/") ? URL(fileURLWithPath: path) : project.appendingPathComponent(path) }

        /// The guard `helpcenter build` makes for this project, with `homes` as the home folders.
        func folderGuard(homes: [String]? = nil) -> OutputFolderGuard {
            OutputFolderGuard(
                inputs: ["content", "templates", "policy", "scenarios", "helpcenter.yaml"].map(url),
                repositoryRoots: [project], homes: homes ?? [home.path])
        }

        func check(_ output: String, homes: [String]? = nil) -> SiteFileError? {
            do {
                try folderGuard(homes: homes).check(url(output), displayName: output)
                return nil
            } catch {
                return error
            }
        }
    }

    private static func reason(_ error: SiteFileError?) -> String {
        guard case .refusedOutput(_, let reason)? = error else { return "" }
        return reason
    }

    @Test(arguments: [
        ("policy", "is the input"), ("scenarios", "is the input"), ("content", "is the input"), ("templates", "is the input"),
        ("helpcenter.yaml", "is the input"), ("content/_site", "inside the input folder"), ("policy/site", "inside the input folder"),
        (".", "holds the input"), ("..", "your home folder"), ("/", "root folder"),
    ])
    func inputsAndTheirParentsAreRefused(output: String, expected: String) throws {
        let layout = try Layout()
        #expect(Self.reason(layout.check(output)).contains(expected), "\(output)")
    }

    @Test func homeFoldersFromTheEnvironmentAndThePasswordEntryAreRefused() throws {
        let layout = try Layout()
        let other = layout.base.appendingPathComponent("passwd-home")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        // $HOME and the password entry differ: both are protected, and so are their parents.
        let homes = [layout.home.path, other.path]
        #expect(Self.reason(layout.check(layout.home.path, homes: homes)).contains("is your home folder"))
        #expect(Self.reason(layout.check(other.path, homes: homes)).contains("is your home folder"))
        #expect(Self.reason(layout.check(layout.base.appendingPathComponent("home").path, homes: homes)).contains("holds your home folder"))
        #expect(Self.reason(layout.check(layout.base.path, homes: homes)).contains("holds your home folder"))
        // A folder inside the home folder is fine.
        #expect(layout.check(layout.home.appendingPathComponent("sites/help").path, homes: homes) == nil)
    }

    @Test func theRealHomeFoldersAreFoundFromBothSources() {
        let homes = OutputFolderGuard.homeFolders()
        if let home = ProcessInfo.processInfo.environment["HOME"] { #expect(homes.contains(home)) }
        #expect(homes.count >= 1)
    }

    @Test func aNewEmptyOrMarkedFolderIsAccepted() throws {
        let layout = try Layout()
        #expect(layout.check("_site") == nil)
        try FileManager.default.createDirectory(at: layout.url("_site"), withIntermediateDirectories: true)
        #expect(layout.check("_site") == nil)
        try Data("x".utf8).write(to: layout.url("_site/notes.txt"))
        #expect(Self.reason(layout.check("_site")).contains("did not write (notes.txt)"))
        try Data().write(to: layout.url("_site/" + OutputFolderGuard.markerName))
        #expect(layout.check("_site") == nil)
    }

    @Test func aFolderHoldingGitIsNeverReplaced() throws {
        let layout = try Layout()
        try FileManager.default.createDirectory(at: layout.url("_site/.git"), withIntermediateDirectories: true)
        try Data().write(to: layout.url("_site/" + OutputFolderGuard.markerName))
        #expect(Self.reason(layout.check("_site")).contains(".git"))
    }

    @Test func aSiteBuiltBeforeTheMarkerIsAcceptedAndAProjectIsNot() throws {
        let layout = try Layout()
        let site = layout.url("old-site")
        for folder in ["assets", "guides/first-steps"] {
            try FileManager.default.createDirectory(at: site.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data("<html>".utf8).write(to: site.appendingPathComponent("index.html"))
        try Data("<html>".utf8).write(to: site.appendingPathComponent("404.html"))
        try Data("<?xml version=\"1.0\"?><urlset></urlset>".utf8).write(to: site.appendingPathComponent("sitemap.xml"))
        #expect(layout.check("old-site") == nil)
        // The same with a file no site holds is someone's folder.
        try Data("name: x\n".utf8).write(to: site.appendingPathComponent("helpcenter.yaml"))
        #expect(Self.reason(layout.check("old-site")).contains("did not write"))
    }

    @Test func aBuildRefusesThroughStagedSiteDirectoryAndWritesTheMarker() throws {
        let layout = try Layout()
        #expect(throws: SiteFileError.self) {
            _ = try StagedSiteDirectory(output: layout.url("policy"), displayName: "policy", guard: layout.folderGuard())
        }
        #expect(FileManager.default.fileExists(atPath: layout.url("policy/backup-policy.yaml").path))
        let staged = try StagedSiteDirectory(output: layout.url("_site"), displayName: "_site", guard: layout.folderGuard())
        try staged.write("index.html", Data("<html>".utf8))
        try staged.publish()
        #expect(FileManager.default.fileExists(atPath: layout.url("_site/" + OutputFolderGuard.markerName).path))
        // The next build accepts the folder it wrote.
        let again = try StagedSiteDirectory(output: layout.url("_site"), displayName: "_site", guard: layout.folderGuard())
        again.discard()
    }
}
