import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads one input file whole, checking what was actually opened, not what the name said:
/// the open descriptor's real path (from `/proc/self/fd`) must lie inside the boundary, so a
/// link swapped in between listing and reading (or a folder on the way replaced by a link) is
/// caught too. One case is not: a read of a file the listing saw (`listed`) skips the lookup,
/// so a folder on its way moved out of the inputs and linked back, its files keeping their
/// inodes, is read (docs/files-and-output.md, "The fast path"). Opens never block (a FIFO
/// named like a Markdown file is refused, not waited on).
public enum InputFileReader {
    /// The file's bytes. `displayPath` names the file in errors (`content/a/b.md`).
    ///
    /// `listed` is the device and inode the listing saw at this path, reached without a link
    /// inside an input: when the opened file is that very file, it is inside, and the real
    /// path is not looked up (reading `/proc/self/fd` costs about 5 µs, as much as the read of
    /// a small file; 20,000 reads in a 10,000-article build).
    public static func read(
        _ path: String, displayPath: String? = nil, within boundary: InputBoundary?, maximumSize: Int? = nil,
        listed: FileIdentity? = nil
    ) throws(InputFileError) -> Data {
        let shown = displayPath ?? path
        let flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY
        // A file the listing saw is opened without following a link at its name: when a link
        // has taken its place since (the file moved out of the inputs and linked back, so the
        // same inode), the name is opened again with the full check below. The preview reads
        // edited files long after its listing (docs/preview.md).
        var listed = listed
        var descriptor = open(path, listed == nil ? flags : flags | O_NOFOLLOW)
        if descriptor < 0 && errno == ELOOP && listed != nil {
            listed = nil
            descriptor = open(path, flags)
        }
        guard descriptor >= 0 else {
            let failure = errno
            if let boundary, let violation = violation(path, shown: shown, boundary: boundary) { throw violation }
            throw .cannotRead(path: shown, reason: String(cString: strerror(failure)))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .cannotRead(path: shown, reason: String(cString: strerror(errno))) }
        if let boundary, listed != FileIdentity(info) {
            let opened = openedPath(descriptor) ?? InputBoundary.realPath(path)
            guard let opened, boundary.contains(realPath: opened) else {
                throw .linkLeavesInputs(path: shown, target: opened, boundary: boundary.description)
            }
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notARegularFile(path: shown) }
        let size = Int(info.st_size)
        if let maximumSize, size > maximumSize { throw .tooLarge(path: shown, size: size, limit: maximumSize) }
        return try readAll(descriptor, size: size, maximumSize: maximumSize, shown: shown)
    }

    /// Whether the path leads outside the boundary (for a path that could not be opened: a
    /// dangling link is reported as a link, not as a missing file).
    public static func violation(_ path: String, shown: String, boundary: InputBoundary) -> InputFileError? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return nil }
        guard let target = InputBoundary.realPath(path) else {
            return .linkLeavesInputs(path: shown, target: nil, boundary: boundary.description)
        }
        return boundary.contains(realPath: target) ? nil : .linkLeavesInputs(path: shown, target: target, boundary: boundary.description)
    }

    /// The real path of an open descriptor (Linux: `/proc/self/fd/N`), nil without `/proc`.
    static func openedPath(_ descriptor: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/fd/\(descriptor)", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Reads into one buffer the size the file has, plus one byte, so that reaching the end
    /// takes no second buffer (Foundation's reader costs more than the read itself on a small
    /// file); a read that stops short at the size is the end.
    private static func readAll(_ descriptor: Int32, size: Int, maximumSize: Int?, shown: String) throws(InputFileError) -> Data {
        var capacity = size + 1
        guard var buffer = malloc(capacity) else { throw .cannotRead(path: shown, reason: "out of memory") }
        var filled = 0
        while true {
            if filled == capacity {
                if let maximumSize, filled > maximumSize {
                    free(buffer)
                    throw .tooLarge(path: shown, size: filled, limit: maximumSize)
                }
                capacity *= 2
                guard let grown = realloc(buffer, capacity) else {
                    free(buffer)
                    throw .cannotRead(path: shown, reason: "out of memory")
                }
                buffer = grown
            }
            let count = Glibc.read(descriptor, buffer + filled, capacity - filled)
            if count < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                free(buffer)
                throw .cannotRead(path: shown, reason: reason)
            }
            if count == 0 { break }
            filled += count
            if filled == size && filled < capacity { break }
        }
        if let maximumSize, filled > maximumSize {
            free(buffer)
            throw .tooLarge(path: shown, size: filled, limit: maximumSize)
        }
        return Data(bytesNoCopy: buffer, count: filled, deallocator: .free)
    }
}

/// A file's device and inode: the same identity means the same file, whatever its name.
public struct FileIdentity: Sendable, Hashable {
    public var device: UInt64
    public var inode: UInt64

    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    init(_ info: stat) {
        self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}
