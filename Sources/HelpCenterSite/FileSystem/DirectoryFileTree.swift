import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A folder on disk as a `SiteFileTree`.
public struct DirectoryFileTree: SiteFileTree {
    public let root: URL
    /// How the folder is named in diagnostics (as the user gave it, e.g. `content`).
    public let displayName: String

    public init(root: URL, displayName: String) {
        self.root = root.standardizedFileURL
        self.displayName = displayName
    }

    public func listFiles() throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SiteFileError.missingFolder(displayName)
        }
        var files: [String] = []
        try Self.walk(root.path, relative: "", into: &files, depth: 0)
        return files.sorted()
    }

    /// Lists a folder with readdir (much faster than FileManager's enumerator on large trees),
    /// skipping hidden entries and following no symbolic links to folders.
    private static func walk(_ path: String, relative: String, into files: inout [String], depth: Int) throws {
        guard depth < 64 else { return }
        guard let directory = opendir(path) else {
            throw SiteFileError.cannotRead(path, reason: String(cString: strerror(errno)))
        }
        defer { closedir(directory) }
        var folders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            guard !name.hasPrefix(".") else { continue }
            let childPath = path + "/" + name
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            var kind = Int32(entry.pointee.d_type)
            if kind == Int32(DT_UNKNOWN) || kind == Int32(DT_LNK) {
                var info = stat()
                guard stat(childPath, &info) == 0 else { continue }
                kind = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : ((info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : -1)
                if kind == Int32(DT_DIR) && Int32(entry.pointee.d_type) == Int32(DT_LNK) { continue }
            }
            if kind == Int32(DT_DIR) {
                folders.append(name)
            } else if kind == Int32(DT_REG) {
                files.append(childRelative)
            }
        }
        for folder in folders {
            try walk(path + "/" + folder, relative: relative.isEmpty ? folder : relative + "/" + folder, into: &files, depth: depth + 1)
        }
    }

    /// Reads with plain POSIX calls into one buffer the size the file has (Foundation's
    /// reader costs more than the read itself on a small file).
    public func read(_ path: String) throws -> Data {
        let descriptor = open(root.path + "/" + path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SiteFileError.cannotRead(displayPath(path), reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw SiteFileError.cannotRead(displayPath(path), reason: String(cString: strerror(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw SiteFileError.cannotRead(displayPath(path), reason: "not a regular file") }
        // One byte more than the size, so that reaching the end takes no second buffer; a read
        // that stops short at the size is the end (no second call to see it return nothing).
        let size = Int(info.st_size)
        var capacity = size + 1
        var buffer = malloc(capacity)!
        var filled = 0
        while true {
            if filled == capacity {
                capacity *= 2
                buffer = realloc(buffer, capacity)!
            }
            let count = Glibc.read(descriptor, buffer + filled, capacity - filled)
            if count < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                free(buffer)
                throw SiteFileError.cannotRead(displayPath(path), reason: reason)
            }
            if count == 0 { break }
            filled += count
            if filled == size && filled < capacity { break }
        }
        return Data(bytesNoCopy: buffer, count: filled, deallocator: .free)
    }

    public func displayPath(_ path: String) -> String {
        if path.isEmpty { return displayName }
        return displayName.hasSuffix("/") ? displayName + path : displayName + "/" + path
    }
}

/// Failures to read or write the site's folders (reported with exit status 2).
public enum SiteFileError: LocalizedError, CustomStringConvertible, Equatable {
    case missingFolder(String)
    case refusedOutput(String, reason: String)
    case cannotWrite(String, reason: String)
    case cannotRead(String, reason: String)

    public var description: String {
        switch self {
        case .missingFolder(let name): "the folder '\(name)' does not exist or is not a folder"
        case .refusedOutput(let name, let reason): "refusing to write the site to '\(name)': \(reason)"
        case .cannotWrite(let name, let reason): "cannot write '\(name)': \(reason)"
        case .cannotRead(let name, let reason): "cannot read '\(name)': \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
