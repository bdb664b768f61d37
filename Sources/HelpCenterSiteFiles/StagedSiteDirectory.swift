import Foundation
import HelpCenterSite
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Writes a new site beside the old one and swaps it in only when the build succeeded, so a
/// failed or interrupted build leaves the previous site as it was.
///
/// The new site is written to a hidden staging folder next to the output (same file system,
/// so the swap is two renames), with the marker file `OutputFolderGuard.markerName` that lets
/// the next build recognise the folder as a site it may replace. Staging folders left by a
/// build that was killed outright are removed by the next one.
///
/// `abandon()` (Ctrl-C, SIGTERM) closes the folder first: writes already under way finish,
/// later ones fail without touching the disk, so no worker thread re-creates a folder in the
/// staging area once it is removed; a swap under way is let finish.
public final class StagedSiteDirectory: SiteOutput, Sendable {
    public let output: URL
    public let staging: URL
    private let displayName: String
    /// `staging` as a path ending in `/`, to which output paths are appended (URL arithmetic
    /// costs more than writing a small file).
    private let stagingPrefix: String
    /// The folders made so far (workers write side by side).
    private let createdFolders = Mutex<Set<String>>([""])
    private let state = Mutex(State())

    /// Writes under way, whether the folder is closed, and where the swap and the clean-up are.
    private struct State {
        var writesInFlight = 0
        var isClosed = false
        var isPublishing = false
        var isPublished = false
        var removal = Removal.notStarted

        enum Removal { case notStarted, underWay, done }

        /// Whether `abandon()` must wait: writes or a swap under way.
        var isBusy: Bool { writesInFlight > 0 || isPublishing }
    }

    /// Prepares a staging folder for `output`, refusing outputs that would destroy input or
    /// more than a site: `/`, the home folder, the content or templates folder or a folder containing them.
    public convenience init(output: URL, displayName: String, protecting inputs: [URL]) throws {
        try self.init(output: output, displayName: displayName, guard: OutputFolderGuard(inputs: inputs))
    }

    /// Prepares a staging folder for `output` once `guard` accepts it (see `OutputFolderGuard`).
    public init(output: URL, displayName: String, guard folderGuard: OutputFolderGuard) throws {
        try folderGuard.check(output, displayName: displayName)
        let output = URL(fileURLWithPath: OutputFolderGuard.resolve(output.path))
        self.output = output
        self.displayName = displayName
        let parent = output.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw SiteFileError.cannotWrite(displayName, reason: error.localizedDescription)
        }
        Self.removeLeftovers(in: parent, name: output.lastPathComponent)
        staging = Self.stagingFolder(for: output)
        stagingPrefix = staging.path + "/"
        try? FileManager.default.removeItem(at: staging)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
            try Data(OutputFolderGuard.markerText.utf8).write(to: staging.appendingPathComponent(OutputFolderGuard.markerName))
        } catch {
            throw SiteFileError.cannotWrite(displayName, reason: error.localizedDescription)
        }
    }

    /// The staging folder this process uses for `output` (`.NAME.staging-PID` beside it).
    static func stagingFolder(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).staging-\(getpid())")
    }

    private static func removeLeftovers(in parent: URL, name: String) {
        let prefixes = [".\(name).staging-", ".\(name).old-"]
        guard let siblings = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for sibling in siblings where prefixes.contains(where: { sibling.hasPrefix($0) }) {
            // Only leftovers of processes that are gone: a running build's staging folder stays.
            if let pid = Int32(sibling.split(separator: "-").last ?? ""), pid != getpid(), kill(pid, 0) == 0 { continue }
            let leftover = parent.appendingPathComponent(sibling)
            // A build killed between the swap's two renames left the previous site as
            // `.NAME.old-PID` and no output: put it back rather than delete it.
            let output = parent.appendingPathComponent(name)
            if sibling.hasPrefix(".\(name).old-"), !FileManager.default.fileExists(atPath: output.path),
                (try? FileManager.default.moveItem(at: leftover, to: output)) != nil
            {
                continue
            }
            try? FileManager.default.removeItem(at: leftover)
        }
    }

    public func write(_ path: String, _ data: Data) throws {
        try beginWrite(path)
        defer { endWrite() }
        try ensureFolder(ContentPath.directory(of: path))
        try Self.writeFile(stagingPrefix + path, data, displayPath: path)
    }

    public func write(_ path: String, bytes: [UInt8]) throws {
        try beginWrite(path)
        defer { endWrite() }
        try ensureFolder(ContentPath.directory(of: path))
        try Self.writeFile(stagingPrefix + path, bytes, displayPath: path)
    }

    /// Counts a write as under way, or refuses it once the folder is closed.
    private func beginWrite(_ path: String) throws {
        try state.withLock { state in
            guard !state.isClosed else { throw SiteFileError.cannotWrite(path, reason: "the build was interrupted") }
            state.writesInFlight += 1
        }
    }

    private func endWrite() {
        state.withLock { $0.writesInFlight -= 1 }
    }

    public func copy(_ path: String, from tree: SiteFileTree, to destination: String) throws {
        try write(destination, try tree.read(path))
    }

    /// Writes a file by its path (no `URL`: URL arithmetic costs more than writing a small
    /// file). Nothing is fsynced: a crash leaves a staging folder that the next build removes.
    private static func writeFile(_ path: String, _ bytes: some DataProtocol, displayPath: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SiteFileError.cannotWrite(displayPath, reason: String(cString: strerror(errno)))
        }
        let file = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try file.write(contentsOf: bytes)
        } catch {
            throw SiteFileError.cannotWrite(displayPath, reason: error.localizedDescription)
        }
    }

    private func ensureFolder(_ folder: String) throws {
        guard !createdFolders.withLock({ $0.contains(folder) }) else { return }
        try ensureFolder(folder.isEmpty ? "" : ContentPath.directory(of: folder))
        if mkdir(stagingPrefix + folder, 0o755) != 0 && errno != EEXIST {
            throw SiteFileError.cannotWrite(folder, reason: String(cString: strerror(errno)))
        }
        createdFolders.withLock { _ = $0.insert(folder) }
    }

    /// Swaps the staged site in place of the output folder.
    public func publish() throws {
        try state.withLock { state in
            guard !state.isClosed else { throw SiteFileError.cannotWrite(displayName, reason: "the build was interrupted") }
            state.isPublishing = true
        }
        defer { state.withLock { $0.isPublishing = false } }
        try swap()
        state.withLock { $0.isPublished = true }
    }

    private func swap() throws {
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
        _ = abandon()
    }

    /// Closes the folder to writes, waits for the writes and any swap under way, then removes
    /// the staging folder. Returns whether the site had been published already. Safe to call
    /// from any thread, and more than once.
    @discardableResult
    public func abandon() -> Bool {
        state.withLock { $0.isClosed = true }
        // Writes take microseconds and a swap two renames: polling is enough on this path
        // (an error or a signal), and keeps the state behind one lock.
        while state.withLock({ $0.isBusy }) { usleep(1_000) }
        // One caller removes the folder; a second one (the build's own error path racing the
        // signal handler) waits for that removal instead of removing the same tree beside it.
        let removes = state.withLock { state in
            guard state.removal == .notStarted else { return false }
            state.removal = .underWay
            return true
        }
        if removes {
            try? FileManager.default.removeItem(at: staging)
            state.withLock { $0.removal = .done }
        } else {
            while state.withLock({ $0.removal != .done }) { usleep(1_000) }
        }
        return state.withLock { $0.isPublished }
    }
}
