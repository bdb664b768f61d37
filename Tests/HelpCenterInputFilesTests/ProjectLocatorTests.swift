import Foundation
import HelpCenterInputFiles
import Testing

/// A made-up disk: the folders and files that exist, and the current folder.
private func disk(current: String, folders: [String], files: [String]) -> ProjectLocator.FileSystem {
    let folderSet = Set(folders)
    let fileSet = Set(files)
    return ProjectLocator.FileSystem(
        currentFolder: { current },
        isFile: { fileSet.contains($0) },
        isFolder: { folderSet.contains($0) })
}

/// A project at /work/site with its usual folders, and a stray folder elsewhere.
private let siteFolders = [
    "/", "/work", "/work/site", "/work/site/content", "/work/site/content/guides",
    "/work/site/scenarios", "/work/site/policy", "/work/other", "/tmp", "/tmp/suite",
]
private let siteFiles = ["/work/site/helpcenter.yaml", "/work/site/scenarios/phone.yaml", "/work/site/content/guides/a.md"]

@Suite struct ProjectLocatorTests {
    @Test func inTheProjectFolderDefaultsAreSpelledAsBefore() throws {
        let project = try ProjectLocator(fileSystem: disk(current: "/work/site", folders: siteFolders, files: siteFiles)).locate()
        #expect(project.folder == ".")
        #expect(project.path("policy/backup-policy.yaml") == "policy/backup-policy.yaml")
        #expect(project.origin == .currentFolder)
    }

    @Test func fromASubfolderTheProjectIsFoundAbove() throws {
        let locator = ProjectLocator(fileSystem: disk(current: "/work/site/content/guides", folders: siteFolders, files: siteFiles))
        let project = try locator.locate()
        #expect(project.folder == "../..")
        #expect(project.absolutePath == "/work/site")
        #expect(project.path("content") == "../../content")
        #expect(project.summary == "project folder: ../.. (/work/site), found from the current folder")
    }

    @Test(arguments: [
        ("../site/scenarios/phone.yaml", "../site"),  // a file: the walk starts in its folder
        ("../site/scenarios", "../site"),  // a folder: the walk starts in it
        ("../site/content/guides/", "../site"),
        ("/work/site/scenarios/phone.yaml", "/work/site"),  // absolute in, absolute out
        ("./../site/./scenarios", "../site"),
    ])
    func fromElsewhereThePathGivenLeadsToTheProject(path: String, folder: String) throws {
        let locator = ProjectLocator(fileSystem: disk(current: "/work/other", folders: siteFolders, files: siteFiles))
        let project = try locator.locate(firstPath: path)
        #expect(project.folder == folder)
        #expect(project.absolutePath == "/work/site")
        #expect(project.origin == .path(path))
        #expect(project.path("policy/backup-policy.yaml") == folder + "/policy/backup-policy.yaml")
    }

    @Test func aPathOutsideAnyProjectFallsBackToTheCurrentFolder() throws {
        // bench/check: a generated suite in /tmp, checked from the project folder.
        let locator = ProjectLocator(fileSystem: disk(current: "/work/site", folders: siteFolders, files: siteFiles))
        let project = try locator.locate(firstPath: "/tmp/suite")
        #expect(project.folder == ".")
        #expect(project.origin == .currentFolder)
    }

    @Test func withNoProjectEveryFolderSearchedIsNamed() {
        let locator = ProjectLocator(fileSystem: disk(current: "/tmp/suite", folders: siteFolders, files: siteFiles))
        #expect(throws: ProjectLocatorError.notFound([ProjectSearch(start: "the current folder", folders: ["/tmp/suite", "/tmp", "/"])])) {
            try locator.locate()
        }
        let error = ProjectLocatorError.notFound([ProjectSearch(start: "the current folder", folders: ["/tmp/suite", "/tmp", "/"])])
        #expect(error.description == "no project folder found: no helpcenter.yaml in /tmp/suite, /tmp or / (searched up from the current folder)")
    }

    @Test func aPathAndTheCurrentFolderAreBothSearchedEachFolderOnce() {
        let locator = ProjectLocator(fileSystem: disk(current: "/tmp/suite", folders: siteFolders, files: siteFiles))
        #expect(
            throws: ProjectLocatorError.notFound([
                ProjectSearch(start: "../../work/other/x.yaml", folders: ["/work/other", "/work", "/"]),
                ProjectSearch(start: "the current folder", folders: ["/tmp/suite", "/tmp"]),
            ])
        ) {
            try locator.locate(firstPath: "../../work/other/x.yaml")
        }
    }

    @Test func withEveryInputGivenNoProjectIsNeeded() throws {
        let locator = ProjectLocator(fileSystem: disk(current: "/tmp/suite", folders: siteFolders, files: siteFiles))
        let project = try locator.locate(everyInputGiven: true)
        #expect(project.folder == ".")
        #expect(project.path("_site") == "_site")
        #expect(project.origin == .none([ProjectSearch(start: "the current folder", folders: ["/tmp/suite", "/tmp", "/"])]))
    }

    @Test func aFolderNamedLikeTheMarkerDoesNotMarkAProject() {
        let locator = ProjectLocator(
            fileSystem: disk(
                current: "/work/other", folders: siteFolders + ["/work/other/helpcenter.yaml"], files: []))
        #expect(throws: ProjectLocatorError.self) { try locator.locate() }
    }

    @Test func theProjectOptionIsTakenAsItIsAndMustBeAFolder() throws {
        let locator = ProjectLocator(fileSystem: disk(current: "/tmp/suite", folders: siteFolders, files: siteFiles))
        let project = try locator.locate(explicitFolder: "../../work/other/", firstPath: "../../work/site/scenarios")
        #expect(project.folder == "../../work/other")
        #expect(project.absolutePath == "/work/other")
        #expect(project.origin == .option)
        #expect(throws: ProjectLocatorError.notAFolder("missing")) { try locator.locate(explicitFolder: "missing") }
    }

    @Test func aSearchStopsAtItsTop() {
        let locator = ProjectLocator(
            fileSystem: disk(current: "/work/site/content/guides", folders: siteFolders, files: siteFiles),
            searchTop: "/work/site/content")
        #expect(
            throws: ProjectLocatorError.notFound([
                ProjectSearch(start: "the current folder", folders: ["/work/site/content/guides", "/work/site/content"])
            ])
        ) { try locator.locate() }
    }
}

/// The same walk on real temporary folders (the current folder is given, not changed: tests
/// run in parallel).
@Suite struct ProjectLocatorDiskTests {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("project-locator-\(UUID().uuidString)")
        for folder in ["site/content/guides", "site/scenarios", "elsewhere", "site/helpcenter.yaml.d"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data().write(to: root.appendingPathComponent("site/helpcenter.yaml"))
        try Data("name: x\n".utf8).write(to: root.appendingPathComponent("site/scenarios/phone.yaml"))
    }

    private func locator(current: String) -> ProjectLocator {
        let real = ProjectLocator.FileSystem.real
        let folder = root.appendingPathComponent(current).path
        return ProjectLocator(
            fileSystem: .init(currentFolder: { folder }, isFile: real.isFile, isFolder: real.isFolder),
            searchTop: root.path)
    }

    @Test func fromASubfolder() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let project = try locator(current: "site/content/guides").locate()
        #expect(project.folder == "../..")
        #expect(project.absolutePath == root.appendingPathComponent("site").path)
    }

    @Test func fromElsewhereWithAPath() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let project = try locator(current: "elsewhere").locate(firstPath: "../site/scenarios/phone.yaml")
        #expect(project.folder == "../site")
        #expect(project.origin == .path("../site/scenarios/phone.yaml"))
    }

    @Test func withNone() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(
            throws: ProjectLocatorError.notFound([
                ProjectSearch(start: "the current folder", folders: [root.appendingPathComponent("elsewhere").path, root.path])
            ])
        ) { try locator(current: "elsewhere").locate() }
    }
}

/// Machine-readable reports name a file from the repository's top (or the project folder),
/// however it opens.
@Suite struct ReportPathTests {
    let project = HelpCenterProject(folder: "../..", absolutePath: "/work/site", origin: .currentFolder)

    @Test(arguments: [
        ("../../scenarios/x.yaml", "/work/site/content/guides", "scenarios/x.yaml"),
        ("scenarios/x.yaml", "/work/site", "scenarios/x.yaml"),
        ("/work/site/scenarios/x.yaml", "/tmp", "scenarios/x.yaml"),
        ("./scenarios/../policy/p.yaml", "/work/site", "policy/p.yaml"),
        ("../other/x.yaml", "/work/site", "../other/x.yaml"),
        ("/tmp/suite/x.yaml", "/work/site", "../../tmp/suite/x.yaml"),
        ("../..", "/work/site/content/guides", "."),
    ])
    func pathsAreWrittenFromTheRoot(path: String, current: String, expected: String) {
        #expect(HelpCenterProject.reportPath(path, from: "/work/site", currentFolder: current) == expected)
    }

    /// The root is the repository's top when the project is inside one (CI reads paths from
    /// there), else the project folder.
    @Test func theRootIsTheRepositorysTop() {
        #expect(project.reportRoot(currentFolder: "/work/site") { $0 == "/work" } == "/work")
        #expect(project.reportRoot(currentFolder: "/work/site") { $0 == "/work/site" } == "/work/site")
        #expect(project.reportRoot(currentFolder: "/work/site") { _ in false } == "/work/site")
        #expect(HelpCenterProject.reportPath("scenarios/x.yaml", from: "/work", currentFolder: "/work/site") == "site/scenarios/x.yaml")
    }

    /// `--project "$PWD"` through a link, where the process sees the current folder's real
    /// path: the link is resolved rather than written as `../../real/…`.
    @Test func aFolderReachedThroughALinkIsResolved() {
        let real = ["/link/proj": "/real/proj", "/real/proj": "/real/proj", "/real/proj/scenarios": "/real/proj/scenarios"]
        let path = HelpCenterProject.reportPath("scenarios/x.yaml", from: "/link/proj", currentFolder: "/real/proj") { real[$0] }
        #expect(path == "scenarios/x.yaml")
        #expect(HelpCenterProject.reportPath("scenarios/x.yaml", from: "/link/proj", currentFolder: "/real/proj") == "../../real/proj/scenarios/x.yaml")
    }
}
