import Foundation
import HelpCenterInputFiles
import HelpCenterSite

#if canImport(Glibc)
import Glibc
#endif

/// Decides whether a folder may be replaced by a new site. `build` replaces its output folder
/// as a whole, so a wrong `--output` must never cost anyone a file:
///
/// - never `/`, a home folder (from `$HOME` and from the password database) or a folder
///   holding one;
/// - never an input (content, templates, policy, scenarios, the configuration file), a folder
///   holding one, or a folder inside one;
/// - never the repository root (the folder holding `.git` or `helpcenter.yaml`) or a folder
///   holding it (a folder inside it, such as `_site`, is fine);
/// - and, wherever it is, only a folder that does not exist, is empty, or was written by this
///   program: it holds the marker file ``markerName``, or it looks like a site built before
///   the marker existed (see ``looksLikeUnmarkedSite(_:)``). A folder holding `.git` is never
///   replaced.
public struct OutputFolderGuard: Sendable {
    /// Written into every site this program publishes.
    public static let markerName = ".helpcenter-site"
    static let markerText = "This folder was written by `helpcenter build`. The next build replaces it as a whole.\n"

    /// Real paths of the inputs.
    public var inputs: [String]
    /// Real paths of the repository's root folders.
    public var repositoryRoots: [String]
    /// Real paths of the user's home folders.
    public var homes: [String]

    /// `homes` nil: `$HOME` and the password database's entry for this user.
    public init(inputs: [URL], repositoryRoots: [URL] = [], homes: [String]? = nil) {
        self.inputs = inputs.map { Self.resolve($0.path) }
        self.repositoryRoots = repositoryRoots.map { Self.resolve($0.path) }
        self.homes = (homes ?? Self.homeFolders()).filter { !$0.isEmpty }.map(Self.resolve)
    }

    /// `$HOME` and the home folder of the password database (they differ under `sudo -E`,
    /// in some CI runners and in containers).
    static func homeFolders() -> [String] {
        var homes: [String] = []
        if let home = ProcessInfo.processInfo.environment["HOME"] { homes.append(home) }
        if let home = FileManager.default.homeDirectory(forUser: NSUserName())?.path { homes.append(home) }
        return homes
    }

    /// The folder holding `.git`, found by walking up from `start`, if any.
    public static func gitRoot(from start: String) -> URL? {
        var folder = resolve(start)
        while true {
            if FileManager.default.fileExists(atPath: folder + "/.git") { return URL(fileURLWithPath: folder) }
            guard folder != "/" else { return nil }
            folder = (folder as NSString).deletingLastPathComponent
        }
    }

    /// Throws `SiteFileError.refusedOutput` with what was found and what to do.
    /// `output` is resolved first (links followed, `..` removed).
    public func check(_ output: URL, displayName: String) throws(SiteFileError) {
        let path = Self.resolve(output.path)
        func refuse(_ reason: String) -> SiteFileError { .refusedOutput(displayName, reason: reason) }
        if path == "/" { throw refuse("it is the root folder; choose a new or empty folder, e.g. --output _site") }
        for home in homes where Self.isSameOrInside(home, path) {
            throw refuse(
                home == path
                    ? "it is your home folder (\(home)); the whole output folder is replaced on every build. Choose a new or empty folder, e.g. --output _site"
                    : "it holds your home folder (\(home)); the whole output folder is replaced on every build. Choose a new or empty folder, e.g. --output _site"
            )
        }
        for input in inputs {
            if Self.isSameOrInside(input, path) {
                throw refuse(
                    "it \(input == path ? "is" : "holds") the input \(input); the whole output folder is replaced on every build, so the input would be deleted. Choose another folder, e.g. --output _site"
                )
            }
            if Self.isSameOrInside(path, input) {
                throw refuse(
                    "it is inside the input folder \(input), which the next build would read back as input. Choose a folder outside it, e.g. --output _site")
            }
        }
        for root in repositoryRoots where Self.isSameOrInside(root, path) {
            throw refuse(
                "it \(root == path ? "is" : "holds") the project's folder \(root) (it holds .git or the configuration file); the whole output folder is replaced on every build. Choose a folder inside it, e.g. --output _site"
            )
        }
        try checkContents(path, refuse: refuse)
    }

    /// Only a missing or empty folder, or one this program wrote, may be replaced.
    private func checkContents(_ path: String, refuse: (String) -> SiteFileError) throws(SiteFileError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw refuse("it is a file, not a folder; remove it or choose another folder") }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            throw refuse("its contents cannot be listed, so it cannot be checked; choose another folder")
        }
        if entries.isEmpty { return }
        if entries.contains(".git") {
            throw refuse("it holds a .git folder, which replacing it would delete; build into another folder and copy the site over")
        }
        if entries.contains(Self.markerName) || Self.looksLikeUnmarkedSite(path, entries: entries) { return }
        let shown = entries.sorted().prefix(5).joined(separator: ", ") + (entries.count > 5 ? ", …" : "")
        throw refuse(
            "it holds files that helpcenter did not write (\(shown)) and the whole output folder is replaced on every build; choose a new or empty folder, or, if it is an old site, delete it yourself once"
        )
    }

    /// A site built by a version that wrote no marker: `index.html`, `sitemap.xml` (a
    /// sitemap) and `assets/` at the top, and beside them only folders and files of the kinds
    /// a site holds (pages, images, feeds). A project folder (with `helpcenter.yaml`,
    /// Markdown or source files) does not pass.
    static func looksLikeUnmarkedSite(_ path: String, entries: [String]) -> Bool {
        let webExtensions: Set<String> = [
            "html", "xml", "txt", "js", "css", "json", "ico", "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "pdf", "webmanifest", "woff", "woff2",
        ]
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path + "/assets", isDirectory: &isFolder), isFolder.boolValue,
            let sitemap = FileManager.default.contents(atPath: path + "/sitemap.xml"),
            String(decoding: sitemap.prefix(4096), as: UTF8.self).contains("<urlset"),
            FileManager.default.fileExists(atPath: path + "/index.html")
        else { return false }
        for entry in entries {
            if entry.hasPrefix(".") { return false }
            guard FileManager.default.fileExists(atPath: path + "/" + entry, isDirectory: &isFolder) else { return false }
            if isFolder.boolValue { continue }
            let fileExtension = (entry as NSString).pathExtension.lowercased()
            if !webExtensions.contains(fileExtension) { return false }
        }
        return true
    }

    /// Whether `inner` is `outer` or lies inside it (both resolved).
    static func isSameOrInside(_ inner: String, _ outer: String) -> Bool {
        inner == outer || outer == "/" || inner.hasPrefix(outer + "/")
    }

    /// The real path of the longest existing part of `path`, with the rest appended (a
    /// folder that does not exist yet resolves through its existing parents' links).
    static func resolve(_ path: String) -> String {
        var existing = InputBoundary.absolute(path)
        var rest: [String] = []
        while true {
            if let real = InputBoundary.realPath(existing) {
                return rest.isEmpty ? real : (real == "/" ? "" : real) + "/" + rest.reversed().joined(separator: "/")
            }
            guard existing != "/" else { return "/" + rest.reversed().joined(separator: "/") }
            rest.append((existing as NSString).lastPathComponent)
            existing = (existing as NSString).deletingLastPathComponent
        }
    }
}
