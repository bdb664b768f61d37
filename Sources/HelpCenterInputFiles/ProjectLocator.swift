/// Finds the project folder the way git finds its repository: walking up from a start folder
/// to the first one holding `helpcenter.yaml` (docs/projects.md).
///
/// Pure: the file system is reached only through ``FileSystem`` (the real one is in
/// `ProjectLocator+FileSystem.swift`), so the walk is tested on made-up folder trees. Paths
/// are walked up as written (like the shell's `cd ..`) and made absolute against the current
/// folder's real path for the look-ups and the messages.
public struct ProjectLocator: Sendable {
    /// The file that marks a project folder; it may be empty (every setting has a default).
    public static let markerFileName = "helpcenter.yaml"

    /// What the walk needs to know about the disk.
    public struct FileSystem: Sendable {
        /// The current folder's absolute path.
        public var currentFolder: @Sendable () -> String
        /// Whether the absolute path is a regular file, links followed.
        public var isFile: @Sendable (String) -> Bool
        /// Whether the absolute path is a folder, links followed.
        public var isFolder: @Sendable (String) -> Bool

        public init(
            currentFolder: @escaping @Sendable () -> String,
            isFile: @escaping @Sendable (String) -> Bool,
            isFolder: @escaping @Sendable (String) -> Bool
        ) {
            self.currentFolder = currentFolder
            self.isFile = isFile
            self.isFolder = isFolder
        }
    }

    public var fileSystem: FileSystem
    /// No folder above this absolute path is searched (it is itself); nil searches up to `/`.
    /// Tests use it to stay inside their temporary folder.
    public var searchTop: String?

    public init(fileSystem: FileSystem, searchTop: String? = nil) {
        self.fileSystem = fileSystem
        self.searchTop = searchTop
    }

    /// The project folder for a command.
    ///
    /// - `explicitFolder`: the `--project` value; used as it is (it need not hold
    ///   `helpcenter.yaml`, it must be a folder).
    /// - `firstPath`: the first input path given on the command line; the walk starts from it
    ///   (its folder, when it is a file), then, if that finds nothing, from the current folder.
    /// - `everyInputGiven`: the command was given every input it needs, so a missing project is
    ///   not an error: the current folder stands in for it (origin `.none`).
    public func locate(
        explicitFolder: String? = nil, firstPath: String? = nil, everyInputGiven: Bool = false
    ) throws(ProjectLocatorError) -> HelpCenterProject {
        let current = fileSystem.currentFolder()
        if let explicitFolder {
            let folder = Self.normalised(explicitFolder)
            guard fileSystem.isFolder(Self.absolute(folder, from: current)) else { throw .notAFolder(explicitFolder) }
            return HelpCenterProject(folder: folder, absolutePath: Self.absolute(folder, from: current), origin: .option)
        }
        var searches: [ProjectSearch] = []
        var looked: Set<String> = []
        var starts: [(folder: String, origin: HelpCenterProject.Origin, name: String)] = []
        if let firstPath, !firstPath.isEmpty {
            let path = Self.normalised(firstPath)
            let isFolder = fileSystem.isFolder(Self.absolute(path, from: current))
            starts.append((isFolder ? path : Self.parent(of: path), .path(firstPath), firstPath))
        }
        starts.append((".", .currentFolder, "the current folder"))
        for start in starts {
            var searched: [String] = []
            for candidate in ancestors(of: start.folder, currentFolder: current) where !looked.contains(candidate.absolute) {
                looked.insert(candidate.absolute)
                searched.append(candidate.absolute)
                if fileSystem.isFile(candidate.absolute == "/" ? "/" + Self.markerFileName : candidate.absolute + "/" + Self.markerFileName) {
                    return HelpCenterProject(folder: candidate.spelled, absolutePath: candidate.absolute, origin: start.origin)
                }
            }
            if !searched.isEmpty { searches.append(ProjectSearch(start: start.name, folders: searched)) }
        }
        guard everyInputGiven else { throw .notFound(searches) }
        return HelpCenterProject(folder: ".", absolutePath: current, origin: .none(searches))
    }

    /// The folders from `folder` up to the top (or ``searchTop``), each as it is spelled for
    /// opening and as an absolute path. The path is walked up as written (like the shell's
    /// `cd ..`): `../site/scenarios`, `../site`, `..`, `../..`…
    func ancestors(of folder: String, currentFolder: String) -> [(spelled: String, absolute: String)] {
        var spelled = folder
        var absolute = Self.absolute(folder, from: currentFolder)
        var result: [(spelled: String, absolute: String)] = []
        while true {
            result.append((spelled, absolute))
            if absolute == "/" || absolute == searchTop { break }
            spelled = Self.parent(of: spelled)
            absolute = Self.absolute(spelled, from: currentFolder)
        }
        return result
    }

    /// `path` without `.` segments, repeated or trailing `/`; `.` when nothing is left.
    static func normalised(_ path: String) -> String {
        let segments = path.split(separator: "/").filter { $0 != "." }
        if path.hasPrefix("/") { return "/" + segments.joined(separator: "/") }
        return segments.isEmpty ? "." : segments.joined(separator: "/")
    }

    /// The folder holding `path`, written from the same start: `a/b` → `a`, `a` → `.`,
    /// `.` → `..`, `../..` → `../../..`, `/a` → `/`.
    static func parent(of path: String) -> String {
        let path = normalised(path)
        if path == "/" { return "/" }
        if path == "." { return ".." }
        var segments = path.split(separator: "/")
        if segments.last == ".." { return path + "/.." }
        segments.removeLast()
        if path.hasPrefix("/") { return "/" + segments.joined(separator: "/") }
        return segments.isEmpty ? "." : segments.joined(separator: "/")
    }

    /// `path` made absolute against `currentFolder`, `.` and `..` removed lexically.
    static func absolute(_ path: String, from currentFolder: String) -> String {
        let full = path.hasPrefix("/") ? path : currentFolder + "/" + path
        var segments: [Substring] = []
        for segment in full.split(separator: "/") where segment != "." {
            if segment == ".." { _ = segments.popLast() } else { segments.append(segment) }
        }
        return "/" + segments.joined(separator: "/")
    }
}
