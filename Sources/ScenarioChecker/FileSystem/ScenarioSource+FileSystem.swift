import Foundation
import HelpCenterInputFiles

/// Finding and reading scenario files: the checker's only contact with the file system.
extension ScenarioSource {
    /// The scenario files under `paths`: each file as named, and every `*.yaml` / `*.yml`
    /// below each folder (hidden folders skipped), folders' files in path order.
    /// Throws when a path does not exist.
    public static func discover(_ paths: [String]) throws(ScenarioPathError) -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw ScenarioPathError(path: path, reason: "no such file or folder")
            }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            // A symlinked folder is listed through its target; paths keep the name given.
            let listed = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            var found: [String] = []
            guard listScenarioFiles(in: listed, as: path.hasSuffix("/") ? String(path.dropLast()) : path, into: &found, depth: 0) else {
                throw ScenarioPathError(path: path, reason: "the folder can't be read")
            }
            files += found.sorted()
        }
        // One file reached by two spellings (`scenarios ./scenarios`) is checked once: twice, each
        // of its scenarios was a duplicate of itself.
        var seen = Set<String>()
        return files.filter { seen.insert(InputBoundary.realPath($0) ?? $0).inserted }
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

/// Adds the `*.yaml` and `*.yml` files below `folder` to `found`, named below `name`,
/// skipping hidden entries. A link to a file is listed (reading it checks that it stays
/// inside the inputs); a link to a folder is not walked. `false` when `folder` can't be
/// listed.
private func listScenarioFiles(in folder: String, as name: String, into found: inout [String], depth: Int) -> Bool {
    guard depth <= 64, let listing = try? FolderListing(folder) else { return false }
    var folders: [String] = []
    for entry in listing.entries where !entry.name.hasPrefix(".") {
        var kind = entry.kind
        if kind == .link {
            var info = stat()
            guard stat(folder + "/" + entry.name, &info) == 0 else {
                // A link to nothing, named like a scenario file: listed, so that reading it
                // reports it (it was skipped with no word).
                if entry.name.hasSuffix(".yaml") || entry.name.hasSuffix(".yml") { found.append(name + "/" + entry.name) }
                continue
            }
            kind = FolderListing.kind(ofMode: info.st_mode)
            if kind == .folder { continue }
        }
        if kind == .folder {
            folders.append(entry.name)
        } else if entry.name.hasSuffix(".yaml") || entry.name.hasSuffix(".yml") {
            found.append(name + "/" + entry.name)
        }
    }
    for child in folders {
        _ = listScenarioFiles(in: folder + "/" + child, as: name + "/" + child, into: &found, depth: depth + 1)
    }
    return true
}

/// A path given to the checker does not exist or can't be listed.
public struct ScenarioPathError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "\(path): \(reason)" }
}
