import Foundation
import HelpCenterInputFiles
import HelpCenterSite
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A folder on disk as a `SiteFileTree`.
///
/// Symbolic links are followed only when they stay inside `boundary` (by default the folder
/// itself; the program passes every input folder). A link that leads anywhere else, or
/// nowhere, is not listed but refused (an error at its path), and every read checks the
/// file it actually opened (the inode the listing saw, or else its real path), so a link
/// swapped in after the listing is refused too.
public struct DirectoryFileTree: SiteFileTree {
    public let root: URL
    /// How the folder is named in diagnostics (as the user gave it, e.g. `content`).
    public let displayName: String
    /// Where files may be read from through links.
    public let boundary: InputBoundary

    /// Folder links followed in one listing at most (a few links to folders holding links to
    /// folders would otherwise list an exponential number of paths).
    static let maximumFolderLinks = 1_000
    /// Folders nested deeper than this are refused (a link loop that escapes detection, or a mistake).
    static let maximumDepth = 64

    /// The identity of each plain file the last listing found (reached without a link), so
    /// that reading it needs no real-path lookup (see `InputFileReader.read`).
    private let listedFiles = ListedFiles()

    public init(root: URL, displayName: String, boundary: InputBoundary? = nil) {
        self.root = root.standardizedFileURL
        self.displayName = displayName
        self.boundary = boundary ?? InputBoundary([root.standardizedFileURL.path])
    }

    /// Shared by the copies of a tree (the builder's threads read while nothing lists). It
    /// saves the real-path lookup, about 5 µs per file read (see `InputFileReader.read`).
    private final class ListedFiles: Sendable {
        private let identities = Mutex<[String: FileIdentity]>([:])

        func replace(_ new: [String: FileIdentity]) { identities.withLock { $0 = new } }
        subscript(path: String) -> FileIdentity? { identities.withLock { $0[path] } }
    }

    public func listFiles() throws -> [String] {
        try listing().files
    }

    public func listing() throws -> SiteFileListing {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SiteFileError.missingFolder(displayName)
        }
        var walk = Walk(boundary: boundary)
        let rootReal = InputBoundary.realPath(root.path) ?? root.path
        try walk.list(root.path, relative: "", ancestors: [rootReal])
        walk.listing.files.sort()
        listedFiles.replace(walk.identities)
        return walk.listing
    }

    /// One listing's state: what was found so far, and how many folder links were followed.
    private struct Walk {
        let boundary: InputBoundary
        var listing = SiteFileListing(files: [])
        var folderLinks = 0
        /// Plain files (not reached through a link) by relative path: device and inode.
        var identities: [String: FileIdentity] = [:]

        /// Lists a folder (`FolderListing`); hidden entries are skipped (hidden Markdown files
        /// are reported), and so are editors' temporary files.
        /// `ancestors` are the real paths of the folders above, to catch link loops.
        mutating func list(_ path: String, relative: String, ancestors: [String]) throws {
            guard ancestors.count <= DirectoryFileTree.maximumDepth else {
                listing.refused.append(
                    .init(path: relative, reason: "folders are nested more than \(DirectoryFileTree.maximumDepth) deep here; nothing below is read"))
                return
            }
            let folder: FolderListing
            do {
                folder = try FolderListing(path)
            } catch {
                throw SiteFileError.cannotRead(path, reason: error.reason)
            }
            var folders: [(name: String, real: String?)] = []
            var sawEntry = false
            for entry in folder.entries {
                let name = entry.name
                let childPath = path + "/" + name
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                if name.hasPrefix(".") {
                    if name.hasSuffix(".md") { listing.hiddenPages.append(childRelative) }
                    continue
                }
                // An editor's backup or swap file (`x.md~`, `#x.md#`): never published.
                if EditorTemporaryFiles.isTemporary(name: name) { continue }
                sawEntry = true
                switch entry.kind {
                case .folder: folders.append((name, nil))
                case .file:
                    listing.files.append(childRelative)
                    // The same inode when read means the very file seen here, inside the inputs.
                    if let device = folder.device {
                        identities[childRelative] = FileIdentity(device: device, inode: entry.inode)
                    }
                case .link: followLink(childPath, relative: childRelative, ancestors: ancestors, folders: &folders, name: name)
                case .other: break
                }
            }
            if !sawEntry && !relative.isEmpty { listing.emptyFolders.append(relative) }
            for folder in folders {
                let folderPath = path + "/" + folder.name
                let real = folder.real ?? (ancestors.last.map { $0 + "/" + folder.name } ?? folderPath)
                try list(folderPath, relative: relative.isEmpty ? folder.name : relative + "/" + folder.name, ancestors: ancestors + [real])
            }
        }

        /// A symbolic link: listed (a file) or walked (a folder) when its target is inside the
        /// boundary, refused otherwise.
        private mutating func followLink(_ path: String, relative: String, ancestors: [String], folders: inout [(name: String, real: String?)], name: String) {
            guard let target = InputBoundary.realPath(path) else {
                listing.refused.append(
                    .init(path: relative, reason: InputFileError.linkLeavesInputs(path: relative, target: nil, boundary: boundary.description).reason))
                return
            }
            guard boundary.contains(realPath: target) else {
                listing.refused.append(
                    .init(path: relative, reason: InputFileError.linkLeavesInputs(path: relative, target: target, boundary: boundary.description).reason))
                return
            }
            var info = stat()
            guard stat(target, &info) == 0 else { return }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                listing.files.append(relative)
            case S_IFDIR:
                if ancestors.contains(target) {
                    listing.refused.append(
                        .init(path: relative, reason: "it is a symbolic link to \(target), a folder that contains the link itself (a loop); remove the link"))
                } else if folderLinks >= DirectoryFileTree.maximumFolderLinks {
                    listing.refused.append(
                        .init(
                            path: relative,
                            reason: "more than \(DirectoryFileTree.maximumFolderLinks) links to folders were followed in this folder; this one is not"))
                } else {
                    folderLinks += 1
                    folders.append((name, target))
                }
            default:
                listing.refused.append(.init(path: relative, reason: InputFileError.notARegularFile(path: relative).reason))
            }
        }
    }

    /// The whole file, read by `InputFileReader` (which refuses what lies outside the boundary).
    public func read(_ path: String) throws -> Data {
        try read(path, maximumSize: nil)
    }

    /// The file's bytes; one larger than `maximumSize` is refused by its size, unread.
    public func read(_ path: String, maximumSize: Int) throws -> Data {
        try read(path, maximumSize: Optional(maximumSize))
    }

    private func read(_ path: String, maximumSize: Int?) throws -> Data {
        do {
            return try InputFileReader.read(
                root.path + "/" + path, displayPath: displayPath(path), within: boundary, maximumSize: maximumSize,
                listed: listedFiles[path])
        } catch {
            throw SiteFileError.cannotRead(displayPath(path), reason: error.reason)
        }
    }

    /// Whether a file (or a link to one) is at `path`, without reading it.
    public func contains(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: root.path + "/" + path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    public func displayPath(_ path: String) -> String {
        if path.isEmpty { return displayName }
        return displayName.hasSuffix("/") ? displayName + path : displayName + "/" + path
    }
}
