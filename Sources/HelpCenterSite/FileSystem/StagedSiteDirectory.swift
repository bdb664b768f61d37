import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a new site beside the old one and swaps it in only when the build succeeded, so a
/// failed or interrupted build leaves the previous site as it was.
///
/// The new site is written to a hidden staging folder next to the output (same file system,
/// so the swap is two renames). Staging folders left by an interrupted build are removed by
/// the next one.
public final class StagedSiteDirectory: SiteOutput, @unchecked Sendable {
    public let output: URL
    public let staging: URL
    private let displayName: String
    /// `staging` as a path ending in `/`, to which output paths are appended (URL arithmetic
    /// costs more than writing a small file).
    private let stagingPrefix: String
    private let lock = NSLock()
    private var createdFolders: Set<String> = [""]

    /// Prepares a staging folder for `output`, refusing outputs that would destroy input or
    /// more than a site: `/`, the home folder, the content or templates folder or a folder containing them.
    public init(output: URL, displayName: String, protecting inputs: [URL]) throws {
        let output = output.standardizedFileURL.resolvingSymlinksInPath()
        self.output = output
        self.displayName = displayName
        try Self.refuseDangerous(output, displayName: displayName, inputs: inputs)
        let parent = output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        Self.removeLeftovers(in: parent, name: output.lastPathComponent)
        staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(getpid())")
        stagingPrefix = staging.path + "/"
        try? FileManager.default.removeItem(at: staging)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw SiteFileError.cannotWrite(displayName, reason: error.localizedDescription)
        }
    }

    static func refuseDangerous(_ output: URL, displayName: String, inputs: [URL]) throws {
        let path = output.path
        if path == "/" || path.isEmpty { throw SiteFileError.refusedOutput(displayName, reason: "it is the root folder") }
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.resolvingSymlinksInPath().path
        if path == home { throw SiteFileError.refusedOutput(displayName, reason: "it is your home folder") }
        for input in inputs {
            let inputPath = input.standardizedFileURL.resolvingSymlinksInPath().path
            if inputPath == path || inputPath.hasPrefix(path.hasSuffix("/") ? path : path + "/") {
                throw SiteFileError.refusedOutput(displayName, reason: "it is or contains the input folder \(inputPath); the whole output folder is replaced on every build")
            }
            if path.hasPrefix(inputPath + "/") {
                throw SiteFileError.refusedOutput(displayName, reason: "it is inside the input folder \(inputPath)")
            }
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw SiteFileError.refusedOutput(displayName, reason: "it is a file, not a folder")
        }
    }

    private static func removeLeftovers(in parent: URL, name: String) {
        let prefixes = [".\(name).staging-", ".\(name).old-"]
        guard let siblings = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for sibling in siblings where prefixes.contains(where: { sibling.hasPrefix($0) }) {
            // Only leftovers of processes that are gone: a running build's staging folder stays.
            if let pid = Int32(sibling.split(separator: "-").last ?? ""), pid != getpid(), kill(pid, 0) == 0 { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(sibling))
        }
    }

    public func write(_ path: String, _ data: Data) throws {
        try ensureFolder(ContentPath.directory(of: path))
        try data.withUnsafeBytes { try Self.writeFile(stagingPrefix + path, $0, displayPath: path) }
    }

    public func write(_ path: String, bytes: [UInt8]) throws {
        try ensureFolder(ContentPath.directory(of: path))
        try bytes.withUnsafeBytes { try Self.writeFile(stagingPrefix + path, $0, displayPath: path) }
    }

    public func copy(_ path: String, from tree: SiteFileTree, to destination: String) throws {
        try write(destination, try tree.read(path))
    }

    /// Writes with plain POSIX calls: the staged site is fsynced as a whole by nothing, since a
    /// crash simply leaves a staging folder that the next build removes.
    private static func writeFile(_ path: String, _ buffer: UnsafeRawBufferPointer, displayPath: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SiteFileError.cannotWrite(displayPath, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw SiteFileError.cannotWrite(displayPath, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    private func ensureFolder(_ folder: String) throws {
        lock.lock()
        let known = createdFolders.contains(folder)
        lock.unlock()
        guard !known else { return }
        try ensureFolder(folder.isEmpty ? "" : ContentPath.directory(of: folder))
        if mkdir(stagingPrefix + folder, 0o755) != 0 && errno != EEXIST {
            throw SiteFileError.cannotWrite(folder, reason: String(cString: strerror(errno)))
        }
        lock.lock()
        createdFolders.insert(folder)
        lock.unlock()
    }

    /// Swaps the staged site in place of the output folder.
    public func publish() throws {
        let fileManager = FileManager.default
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(getpid())")
        let hadOutput = fileManager.fileExists(atPath: output.path)
        do {
            if hadOutput { try fileManager.moveItem(at: output, to: old) }
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            if hadOutput, !fileManager.fileExists(atPath: output.path) { try? fileManager.moveItem(at: old, to: output) }
            throw SiteFileError.cannotWrite(displayName, reason: error.localizedDescription)
        }
        if hadOutput { try? fileManager.removeItem(at: old) }
    }

    /// Throws the staged site away, leaving the output folder untouched.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
