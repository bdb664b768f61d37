import Foundation
import HelpCenterInputFiles

/// Finding and reading scenario files: the checker's only contact with the file system.
extension ScenarioSource {
    /// The scenario files under `paths`: each file as named, and every `*.yaml` / `*.yml`
    /// below each folder (hidden folders and links to folders outside `boundary` skipped, by
    /// default the paths themselves), folders' files in path order; and what the walk could
    /// not enter, each as a source that cannot be read, so that it is reported at its path.
    /// Throws when a path given does not exist or cannot be listed.
    public static func discover(_ paths: [String], within boundary: InputBoundary? = nil) throws(ScenarioPathError) -> ScenarioDiscovery {
        var discovery = ScenarioDiscovery()
        let boundary = boundary ?? InputBoundary(paths)
        let manager = FileManager.default
        var walk = ScenarioFolderWalk(boundary: boundary)
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw ScenarioPathError(path: path, reason: "no such file or folder")
            }
            guard isFolder.boolValue else {
                discovery.files.append(path)
                continue
            }
            // A symlinked folder is listed through its target; paths keep the name given.
            let listed = InputBoundary.realPath(path) ?? URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            walk.found = []
            guard walk.list(listed, as: path.hasSuffix("/") ? String(path.dropLast()) : path, ancestors: [listed]) else {
                throw ScenarioPathError(path: path, reason: "the folder can't be read")
            }
            discovery.files += walk.found.sorted()
        }
        discovery.skipped = walk.skipped
        discovery.folders = walk.visited
        // One file reached by two spellings (`scenarios ./scenarios`) is checked once: twice, each
        // of its scenarios was a duplicate of itself.
        var seen = Set<String>()
        discovery.files = discovery.files.filter { seen.insert(InputBoundary.realPath($0) ?? $0).inserted }
        return discovery
    }

    /// Reads one file, refusing (as unreadable content, not an error) a file over
    /// `maximumSize` bytes without reading it, and, with a boundary, a file reached through a
    /// symbolic link that leads outside it.
    public static func load(_ path: String, maximumSize: Int, within boundary: InputBoundary? = nil) -> ScenarioSource {
        ScenarioSource(path: path, content: content(of: path, maximumSize: maximumSize, within: boundary))
    }

    /// A source read only when the checker reaches it (see `load`): a suite is then read a
    /// few files at a time, never all at once.
    public static func deferred(_ path: String, maximumSize: Int, within boundary: InputBoundary? = nil) -> ScenarioSource {
        ScenarioSource(path: path, content: .deferred { content(of: path, maximumSize: maximumSize, within: boundary) })
    }

    private static func content(of path: String, maximumSize: Int, within boundary: InputBoundary?) -> Content {
        do {
            let data = try InputFileReader.read(path, within: boundary, maximumSize: maximumSize)
            return .bytes([UInt8](data))
        } catch {
            switch error {
            case .tooLarge(_, let size, let limit):
                return .unreadable("the file is \(size) bytes; scenario files are limited to \(limit) bytes (split it into several files)")
            case .cannotRead:
                var info = stat()
                if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, stat(path, &info) != 0, errno == ENOENT,
                    let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path)
                {
                    return .unreadable("it is a symbolic link to \(target), which does not exist")
                }
                return .unreadable("the file can't be read")
            case .linkLeavesInputs, .notARegularFile:
                return .unreadable(error.reason)
            }
        }
    }
}

/// What a walk of the scenario paths found (`ScenarioSource.discover`).
public struct ScenarioDiscovery: Sendable {
    /// The scenario files, named as reached from the paths given.
    public var files: [String] = []
    /// What the walk could not enter, each a source that cannot be read, with the reason (a
    /// link to a folder outside the inputs, a link loop, folders nested too deep, a folder that
    /// cannot be listed), so that the check reports each at its path.
    public var skipped: [ScenarioSource] = []
    /// The real path of every folder walked, those reached through links included.
    public var folders: Set<String> = []

    /// The files as sources read at once (`ScenarioSource.load`), then the skipped entries.
    public func sources(maximumSize: Int, within boundary: InputBoundary?) -> [ScenarioSource] {
        files.map { ScenarioSource.load($0, maximumSize: maximumSize, within: boundary) } + skipped
    }
}

extension ScenarioSource {
    /// Whether a file name is a scenario file's (`*.yaml`, `*.yml`).
    public static func isScenarioFileName(_ name: String) -> Bool {
        name.hasSuffix(".yaml") || name.hasSuffix(".yml")
    }
}

/// One walk below the scenario folders: `*.yaml` and `*.yml` files, hidden entries skipped. A
/// link to a file is listed (reading it checks that it stays inside the inputs); a link to a
/// folder inside the inputs is walked. Each folder is walked once (by its real path), so links
/// that reach one folder many ways cost one listing, not one per way.
private struct ScenarioFolderWalk {
    let boundary: InputBoundary
    var found: [String] = []
    var skipped: [ScenarioSource] = []
    var visited: Set<String> = []
    private var skippedPaths: Set<String> = []
    static let maximumDepth = 64

    init(boundary: InputBoundary) {
        self.boundary = boundary
    }

    /// Adds what lies below `folder` (named `name`); false when `folder` can't be listed.
    /// `ancestors` are the real paths of the folders walked down to it, `folder`'s last.
    mutating func list(_ folder: String, as name: String, ancestors: [String]) -> Bool {
        guard visited.insert(ancestors.last ?? folder).inserted else { return true }
        guard let listing = try? FolderListing(folder) else { return false }
        var folders: [(name: String, real: String)] = []
        for entry in listing.entries.sorted(by: { $0.name < $1.name }) where !entry.name.hasPrefix(".") {
            let path = folder + "/" + entry.name
            let isScenarioFile = ScenarioSource.isScenarioFileName(entry.name)
            switch entry.kind {
            case .folder:
                folders.append((entry.name, (ancestors.last ?? folder) + "/" + entry.name))
            case .link:
                var info = stat()
                guard stat(path, &info) == 0, FolderListing.kind(ofMode: info.st_mode) == .folder, let target = InputBoundary.realPath(path) else {
                    // A link to a file, or to nothing, named like a scenario file: listed, so
                    // that reading it checks or reports it.
                    if isScenarioFile { found.append(name + "/" + entry.name) }
                    continue
                }
                if !boundary.contains(realPath: target) {
                    skip(
                        name + "/" + entry.name,
                        "it is a symbolic link to the folder \(target), outside the project's inputs; its scenario files are not checked")
                } else if ancestors.contains(target) {
                    skip(name + "/" + entry.name, "it is a symbolic link to \(target), a folder that contains the link itself (a loop); remove the link")
                } else {
                    folders.append((entry.name, target))
                }
            default:
                if isScenarioFile { found.append(name + "/" + entry.name) }
            }
        }
        for child in folders {
            let childName = name + "/" + child.name
            guard ancestors.count <= Self.maximumDepth else {
                skip(childName, "folders are nested more than \(Self.maximumDepth) deep here; no scenario file below is checked")
                continue
            }
            if !list(folder + "/" + child.name, as: childName, ancestors: ancestors + [child.real]) {
                skip(childName, "the folder can't be read; no scenario file in it is checked")
            }
        }
        return true
    }

    private mutating func skip(_ path: String, _ reason: String) {
        guard skippedPaths.insert(path).inserted else { return }
        skipped.append(ScenarioSource(path: path, content: .unreadable(reason)))
    }
}

/// A path given to the checker does not exist or can't be listed.
public struct ScenarioPathError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "\(path): \(reason)" }
}
