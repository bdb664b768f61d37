import Foundation
import HelpCenterDiagnostics
import HelpCenterInputFiles
import Testing

@testable import HelpCenterSite
@testable import HelpCenterSiteFiles

#if canImport(Glibc)
import Glibc
#endif

/// Symbolic links in the inputs: followed while they stay inside the project's folders,
/// refused (an error at the link's path, nothing published) when they lead anywhere else.
@Suite("Symbolic links in the inputs")
struct SymlinkTests {
    /// The fixture site copied to a temporary project (`content/`, `templates/`), plus an
    /// `outside/` folder that is not an input.
    final class Project {
        let root: URL
        var content: URL { root.appendingPathComponent("content") }
        var templates: URL { root.appendingPathComponent("templates") }
        var outside: URL { root.appendingPathComponent("outside") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("helpcenter-links-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            for folder in ["content", "templates"] {
                try FileManager.default.copyItem(at: SiteTestSupport.fixtureSite.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
            }
            try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
            try Data("root:x:0:0:root:/root:/bin/bash\n".utf8).write(to: outside.appendingPathComponent("secret.png"))
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        /// Makes `content/<path>` a link to `target` (created folders on the way).
        func link(_ path: String, to target: String) throws {
            let link = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target)
        }

        var boundary: InputBoundary { InputBoundary([content.path, templates.path]) }

        func build() throws -> (BuildReport, InMemorySiteOutput) {
            let builder = SiteBuilder(
                configuration: SiteTestSupport.fixtureConfiguration,
                content: DirectoryFileTree(root: content, displayName: "content", boundary: boundary),
                templates: DirectoryFileTree(root: templates, displayName: "templates", boundary: boundary))
            let output = InMemorySiteOutput()
            return (try builder.build(into: output), output)
        }
    }

    private func linkErrors(_ report: BuildReport) -> [String] {
        report.diagnostics.filter { $0.severity == .error && $0.id == "input-link" }.map(\.location.path)
    }

    @Test("a link to a file outside the inputs is an error at its path, and nothing is published")
    func linkToOutsideFile() throws {
        let project = try Project()
        try project.link("guides/images/passwd.png", to: "/etc/passwd")
        try project.link("guides/images/secret.png", to: project.outside.appendingPathComponent("secret.png").path)
        let (report, output) = try project.build()
        #expect(!report.succeeded)
        #expect(linkErrors(report) == ["content/guides/images/passwd.png", "content/guides/images/secret.png"])
        #expect(report.diagnostics.contains { $0.message.contains("symbolic link to /etc/passwd, outside the project's inputs") })
        #expect(output.files.isEmpty)
    }

    @Test("a link to a folder outside the inputs is refused, not walked")
    func linkToOutsideFolder() throws {
        let project = try Project()
        try project.link("guides/images/etc", to: "/etc")
        try project.link("guides/more", to: project.outside.path)
        let (report, output) = try project.build()
        #expect(linkErrors(report) == ["content/guides/images/etc", "content/guides/more"])
        #expect(output.files.isEmpty)
    }

    @Test("a dangling link, and a link to a link that leaves, are refused")
    func danglingAndChainedLinks() throws {
        let project = try Project()
        try project.link("guides/images/gone.png", to: project.root.appendingPathComponent("nowhere.png").path)
        try FileManager.default.createSymbolicLink(
            atPath: project.content.appendingPathComponent("guides/hop.png").path, withDestinationPath: "/etc/passwd")
        try project.link("guides/images/chained.png", to: "../hop.png")
        let (report, _) = try project.build()
        #expect(linkErrors(report) == ["content/guides/hop.png", "content/guides/images/chained.png", "content/guides/images/gone.png"])
        #expect(report.diagnostics.contains { $0.message.contains("target does not exist") })
    }

    @Test("links that stay inside the inputs are followed: files, folders and links to links")
    func linksInsideTheInputs() throws {
        let project = try Project()
        let css = try #require(
            try FileManager.default.subpathsOfDirectory(atPath: project.templates.appendingPathComponent("assets").path).first { $0.hasSuffix(".css") })
        try project.link("guides/images/style.css", to: project.templates.appendingPathComponent("assets/" + css).path)
        try project.link("guides/copy.css", to: "images/style.css")
        try project.link("guides/template-assets", to: "../../templates/assets")
        let (report, output) = try project.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let original = try Data(contentsOf: project.templates.appendingPathComponent("assets/" + css))
        #expect(output.files["guides/images/style.css"] == original)
        #expect(output.files["guides/copy.css"] == original)
        #expect(output.files["guides/template-assets/" + css] == original)
    }

    @Test("a folder link back to its own ancestor is refused instead of looping")
    func linkLoop() throws {
        let project = try Project()
        try project.link("guides/images/loop", to: "../..")
        try project.link("guides/images/self", to: ".")
        let (report, _) = try project.build()
        #expect(linkErrors(report) == ["content/guides/images/loop", "content/guides/images/self"])
        #expect(report.diagnostics.contains { $0.message.contains("(a loop)") })
    }

    @Test("a folder swapped for a link after the listing is refused when read")
    func swappedAfterListing() throws {
        let project = try Project()
        let images = project.content.appendingPathComponent("guides/images")
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        try Data("fine".utf8).write(to: images.appendingPathComponent("secret.png"))
        let tree = DirectoryFileTree(root: project.content, displayName: "content", boundary: project.boundary)
        #expect(try tree.listFiles().contains("guides/images/secret.png"))
        try FileManager.default.removeItem(at: images)
        try FileManager.default.createSymbolicLink(atPath: images.path, withDestinationPath: project.outside.path)
        #expect(throws: SiteFileError.self) { try tree.read("guides/images/secret.png") }
        do {
            _ = try tree.read("guides/images/secret.png")
        } catch let SiteFileError.cannotRead(path, reason) {
            #expect(path == "content/guides/images/secret.png")
            #expect(reason.contains("outside the project's inputs"))
        }
    }

    /// The same inode the listing saw, now reached through a link: the file was moved out of
    /// the inputs and linked back in its place (the preview reads edits long after listing).
    @Test("a listed file moved outside and linked back is refused when read")
    func movedOutAndLinkedBack() throws {
        let project = try Project()
        let tree = DirectoryFileTree(root: project.content, displayName: "content", boundary: project.boundary)
        #expect(try tree.listFiles().contains("guides/settings.md"))
        let inside = project.content.appendingPathComponent("guides/settings.md")
        let moved = project.outside.appendingPathComponent("settings.md")
        try FileManager.default.moveItem(at: inside, to: moved)
        try FileManager.default.createSymbolicLink(atPath: inside.path, withDestinationPath: moved.path)
        do {
            _ = try tree.read("guides/settings.md")
            Issue.record("a file outside the inputs was read")
        } catch let SiteFileError.cannotRead(path, reason) {
            #expect(path == "content/guides/settings.md")
            #expect(reason.contains("outside the project's inputs"), "\(reason)")
        }
        // A link inside the inputs, put in the place of a listed file, is still followed.
        try FileManager.default.removeItem(at: inside)
        try FileManager.default.moveItem(at: moved, to: project.content.appendingPathComponent("guides/settings-source.md"))
        try FileManager.default.createSymbolicLink(atPath: inside.path, withDestinationPath: "settings-source.md")
        #expect(try tree.read("guides/settings.md").count > 0)
    }

    /// A draft's backup written by an editor (`settings.md~`, Emacs's `#settings.md#`) was
    /// copied into the site as a static file, text and all.
    @Test("editors' backup files are not published")
    func editorBackupsAreNotPublished() throws {
        let project = try Project()
        let draft = project.content.appendingPathComponent("guides/draft-notes.md")
        for name in ["draft-notes.md~", "#draft-notes.md#", "upload.tmp"] {
            try FileManager.default.copyItem(at: draft, to: project.content.appendingPathComponent("guides/\(name)"))
        }
        let (report, output) = try project.build()
        #expect(!report.diagnostics.hasErrors)
        let published = output.files.keys.filter { $0.contains("draft-notes") || $0.hasSuffix(".tmp") }
        #expect(published.isEmpty, "\(published)")
    }

    @Test("a pipe named like an input is refused without waiting on it")
    func pipeIsNotWaitedOn() throws {
        let project = try Project()
        let pipe = project.content.appendingPathComponent("guides/pipe.md").path
        #expect(mkfifo(pipe, 0o644) == 0)
        #expect(throws: InputFileError.notARegularFile(path: pipe)) {
            _ = try InputFileReader.read(pipe, within: project.boundary)
        }
    }

    @Test("the boundary compares whole path segments")
    func boundaryContainment() {
        let boundary = InputBoundary(realPaths: ["/p/content", "/p/helpcenter.yaml"])
        #expect(boundary.contains(realPath: "/p/content"))
        #expect(boundary.contains(realPath: "/p/content/a/b.md"))
        #expect(boundary.contains(realPath: "/p/helpcenter.yaml"))
        #expect(!boundary.contains(realPath: "/p/content-secrets/a"))
        #expect(!boundary.contains(realPath: "/p"))
        #expect(!boundary.contains(realPath: "/etc/passwd"))
    }
}
