#if canImport(Glibc)
import Foundation
import Glibc
import HelpCenterInputFiles
import HelpCenterSite
import Synchronization

/// Watches the inputs with Linux inotify: every folder below a folder input (new folders are
/// added as they appear), and the folder of each file input. The only file that talks to inotify.
public final class InotifyWatcher: InputWatcher, Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case unavailable(String)
        public var description: String {
            switch self {
            case .unavailable(let reason): "inotify is unavailable: \(reason)"
            }
        }
    }

    /// What `start` opens and the reading thread and `stop` share.
    private struct State {
        var descriptor: Int32 = -1
        var wakePipe: (read: Int32, write: Int32) = (-1, -1)
        /// The folder each watch descriptor watches.
        var folders: [Int32: String] = [:]
        var stopped = false
    }

    private let classifier: InputChangeClassifier
    private let state = Mutex(State())

    private static let folderMask = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF)

    public init(inputs: [WatchedInput]) {
        classifier = InputChangeClassifier(inputs)
    }

    public func start(_ report: @escaping @Sendable (InputWatchEvent) -> Void) throws {
        let fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard fd >= 0 else { throw Failure.unavailable(String(cString: strerror(errno))) }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            close(fd)
            throw Failure.unavailable(String(cString: strerror(errno)))
        }
        let wakePipe = (read: pipeEnds[0], write: pipeEnds[1])
        state.withLock { state in
            state.descriptor = fd
            state.wakePipe = wakePipe
        }
        for input in classifier.inputs {
            if input.kind == .folder {
                _ = try addTree(input.watchedFolder, required: true)
            } else {
                try addWatch(input.watchedFolder, required: false)
            }
        }
        let thread = Thread { [self] in self.readLoop(report, descriptor: fd, wakePipe: wakePipe) }
        thread.name = "helpcenter-inotify"
        thread.start()
    }

    public func stop() {
        let wakeWrite: Int32? = state.withLock { state in
            guard !state.stopped else { return nil }
            state.stopped = true
            return state.wakePipe.write
        }
        guard let wakeWrite else { return }
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    /// Watches a folder and every folder below it; returns the files found (for folders that appear with content).
    private func addTree(_ root: String, required: Bool) throws -> [String] {
        var files: [String] = []
        var pending = [root]
        while let folder = pending.popLast() {
            guard (try? addWatch(folder, required: required && folder == root)) != nil else { continue }
            guard let listing = try? FolderListing(folder) else { continue }
            for entry in listing.entries where !entry.name.hasPrefix(".") {
                let child = folder + "/" + entry.name
                if entry.kind == .folder {
                    pending.append(child)
                } else {
                    files.append(child)
                }
            }
        }
        return files
    }

    private func addWatch(_ folder: String, required: Bool) throws {
        let wd = inotify_add_watch(state.withLock { $0.descriptor }, folder, Self.folderMask)
        guard wd >= 0 else {
            let reason = String(cString: strerror(errno))
            // A missing optional input (no scenarios/ folder) is simply not watched; running out
            // of watches (ENOSPC) makes the caller fall back to polling.
            if required || errno == ENOSPC { throw Failure.unavailable("cannot watch \(folder): \(reason)") }
            return
        }
        state.withLock { $0.folders[wd] = folder }
    }

    private func readLoop(_ report: @escaping @Sendable (InputWatchEvent) -> Void, descriptor: Int32, wakePipe: (read: Int32, write: Int32)) {
        defer {
            close(descriptor)
            close(wakePipe.read)
            close(wakePipe.write)
        }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var pollSet = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wakePipe.read, events: Int16(POLLIN), revents: 0)]
        while true {
            let ready = poll(&pollSet, 2, -1)
            if ready < 0 && errno == EINTR { continue }
            if ready < 0 || pollSet[1].revents != 0 || state.withLock({ $0.stopped }) { return }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { continue }
            let event = parse(buffer, count: count)
            if event != .changed([]) { report(event) }
        }
    }

    /// Turns a buffer of `inotify_event` records into one event (folders that appeared are watched).
    private func parse(_ buffer: [UInt8], count: Int) -> InputWatchEvent {
        var changes: Set<SiteInputChange> = []
        var offset = 0
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= count {
            let (wd, mask, nameLength) = buffer.withUnsafeBytes { raw in
                (
                    raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                    raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                    Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                )
            }
            let nameBytes = buffer[(offset + headerSize)..<min(count, offset + headerSize + nameLength)]
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            offset += headerSize + nameLength
            if mask & UInt32(IN_Q_OVERFLOW) != 0 { return .lostTrack }
            if mask & UInt32(IN_IGNORED) != 0 {
                state.withLock { _ = $0.folders.removeValue(forKey: wd) }
                continue
            }
            guard let folder = state.withLock({ $0.folders[wd] }), !name.isEmpty else { continue }
            let path = folder + "/" + name
            let isFolder = mask & UInt32(IN_ISDIR) != 0
            if isFolder && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 && classifier.isInsideFolderInput(path) {
                // A new folder: watch it, and report what it already holds (a folder moved in).
                for file in (try? addTree(path, required: false)) ?? [] {
                    if let change = classifier.change(forAbsolutePath: file) { changes.insert(change) }
                }
                continue
            }
            if let change = classifier.change(forAbsolutePath: path) { changes.insert(change) }
        }
        return .changed(changes)
    }
}
#endif
