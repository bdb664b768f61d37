/// The project folder a command works in: the folder holding `helpcenter.yaml`, found the way
/// git finds its repository (docs/projects.md).
///
/// Inputs left at their defaults are read from here (`content`, `templates`, `policy/…`,
/// `scenarios`, `helpcenter.yaml`, and `build`'s `_site`); paths typed on the command line stay
/// relative to the current folder.
public struct HelpCenterProject: Sendable, Equatable {
    /// How the folder was chosen.
    public enum Origin: Sendable, Equatable {
        /// `helpcenter.yaml` found walking up from the current folder.
        case currentFolder
        /// `helpcenter.yaml` found walking up from this path, the first one given.
        case path(String)
        /// Named with `--project`.
        case option
        /// No `helpcenter.yaml` was found, and every input a command needs was given: the current
        /// folder stands in for the project (what was searched is kept for `--verbose`).
        case none([ProjectSearch])
    }

    /// The folder as it is opened and printed: relative to the current folder (`.`, `../..`,
    /// `../site`) or absolute when it was reached from an absolute path.
    public let folder: String
    /// The folder's absolute path (for messages; not resolved through links).
    public let absolutePath: String
    public let origin: Origin

    public init(folder: String, absolutePath: String, origin: Origin) {
        self.folder = folder
        self.absolutePath = absolutePath
        self.origin = origin
    }

    /// A project-relative default, spelled from the current folder: `content` in the current
    /// folder, `../../content` two levels up.
    public func path(_ relative: String) -> String {
        if folder == "." { return relative }
        return folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }

    /// The folder machine-readable reports write paths from: the top of the repository the
    /// project is in (the nearest folder, the project's own or one above it, that holds `.git`),
    /// or the project folder outside a repository. GitHub, GitLab and SARIF viewers read a path
    /// from the repository's top: a project in `site/` has its scenarios at `site/scenarios/`.
    public func reportRoot(currentFolder: String, hasGit: (String) -> Bool) -> String {
        var segments = Self.normalSegments(absolutePath.hasPrefix("/") ? absolutePath : currentFolder + "/" + absolutePath)
        let project = "/" + segments.joined(separator: "/")
        while true {
            let folder = "/" + segments.joined(separator: "/")
            if hasGit(folder) { return folder }
            guard !segments.isEmpty else { return project }
            segments.removeLast()
        }
    }

    /// `path` (as it opens: from `currentFolder`, or absolute) written from `root`, as
    /// machine-readable reports write paths: `scenarios/x.yaml` whether the command ran in the
    /// project folder, in `content/guides/` (where it opens as `../../scenarios/x.yaml`) or with
    /// `--project "$PWD"` (an absolute path). So a CI system finds the file, and a finding's
    /// fingerprint is the same on every machine and from every folder. `..` is resolved by the
    /// names; when that leads out of `root`, the current folder, `root` and the path's folder
    /// are resolved through links (`realPath`) and tried again: `$PWD` may name the current
    /// folder through a link (`/tmp` on macOS) where the process sees its real path.
    public static func reportPath(_ path: String, from root: String, currentFolder: String, realPath: (String) -> String? = { _ in nil }) -> String {
        let absolute = path.hasPrefix("/") ? path : currentFolder + "/" + path
        let lexical = relative(absolute, from: root)
        guard lexical.hasPrefix(".."), let realRoot = realPath(root) else { return lexical }
        let segments = normalSegments(absolute)
        guard let name = segments.last else { return lexical }
        let folder = "/" + segments.dropLast().joined(separator: "/")
        guard let realFolder = realPath(folder) else { return lexical }
        let resolved = relative(realFolder + "/" + name, from: realRoot)
        return resolved.hasPrefix("..") ? lexical : resolved
    }

    /// `absolute` from `root`, both absolute, by their names.
    private static func relative(_ absolute: String, from root: String) -> String {
        let target = normalSegments(absolute)
        let base = normalSegments(root)
        var common = 0
        while common < min(target.count, base.count) && target[common] == base[common] { common += 1 }
        let parts = Array(repeating: "..", count: base.count - common) + target[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// An absolute path's names, with `.` dropped and `..` taking off the name before it.
    private static func normalSegments(_ path: String) -> [String] {
        var segments: [String] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if !segments.isEmpty { segments.removeLast() }
            } else {
                segments.append(String(part))
            }
        }
        return segments
    }

    /// One line for `--verbose`: which folder is used and why.
    public var summary: String {
        let named = folder == "." || folder == absolutePath ? absolutePath : "\(folder) (\(absolutePath))"
        switch origin {
        case .currentFolder:
            return "project folder: \(named), found from the current folder"
        case .path(let start):
            return "project folder: \(named), found from \(start)"
        case .option:
            return "project folder: \(named), given with --project"
        case .none(let searches):
            return
                "no project folder (\(ProjectSearch.describe(searches))); every needed input was given, so the inputs left at their defaults are looked for in the current folder, \(absolutePath)"
        }
    }
}
