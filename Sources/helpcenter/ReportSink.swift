import Foundation
import HelpCenterInputFiles
import Synchronization

/// Where `helpcenter check` writes its report as it goes: standard output, or a file. A file
/// is written beside its final name and moved into place only when the report is complete,
/// so a failed or interrupted check never leaves half a report where CI looks for one.
///
/// What is already at the path decides how: a regular file (or nothing) is replaced in one step,
/// keeping the old file's permissions; a symbolic link is followed to its file, which is
/// replaced, and the link stays; a name of an open descriptor (`/dev/stdout`, `/dev/fd/N`) is
/// written to that descriptor, left open; anything else (a device such as `/dev/null`, a FIFO)
/// is written in place, as the shell's `>` would. Moving a file over those replaced them: run
/// as root, `--output /dev/null` made `/dev/null` a file.
final class ReportSink {
    /// How the report reaches its place.
    private enum Target {
        /// A descriptor the process already has (standard output, `/dev/stderr`, `/dev/fd/N`):
        /// written to, and left open.
        case borrowed
        /// A device or a pipe opened here: written in place, and closed.
        case inPlace
        /// A partial file beside `destination`, moved over it (with `mode`, the permissions of
        /// the file it replaces) once complete.
        case replacing(temporary: String, destination: String, mode: mode_t?)
    }

    private let path: String?
    private let target: Target
    private let handle: FileHandle
    /// For a partial file: removes it when the check is interrupted before the report is in
    /// place (Ctrl-C, a CI job's SIGTERM), until ``commit()`` or ``discard()``.
    private var interrupt: InterruptSignals?
    /// What the signal handler and ``commit()`` share: the report moved into place, or the
    /// check interrupted (the partial file removed).
    private var ending: Ending?
    private final class Ending: Sendable {
        enum State { case underWay, committed, interrupted }
        let state = Mutex(State.underWay)
    }
    private var buffer: [UInt8] = []
    /// The first write that failed; reported by `check` and `commit`.
    private var failure: CommandFailure?

    init(path: String?) throws {
        self.path = path
        guard let path else {
            (target, handle) = (.borrowed, CommandEnvironment.current.standardOutput)
            return
        }
        // `/dev/stdout`, `/dev/fd/1` and the like name a descriptor already open: written to
        // it, as it is (followed as a link, they led to the file standard output was redirected
        // to, which the report then replaced: `check --output /dev/stdout >> ci.log` lost the log).
        if let descriptor = Self.openDescriptor(named: path) {
            let environment = CommandEnvironment.current
            target = .borrowed
            handle =
                switch descriptor {
                case 1: environment.standardOutput
                case 2: environment.standardError
                default: FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
                }
            return
        }
        let real = InputBoundary.realPath(path) ?? Self.linkTarget(path) ?? path
        var info = stat()
        let exists = stat(real, &info) == 0
        let kind = info.st_mode & S_IFMT
        if exists && kind == S_IFDIR { throw CommandFailure("cannot write the report to \(path): it is a folder; name a file in it") }
        if exists && kind != S_IFREG {
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw CommandFailure("cannot write the report to \(path): \(String(cString: strerror(errno)))")
            }
            (target, self.handle) = (.inPlace, handle)
            return
        }
        let url = URL(fileURLWithPath: real)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial")
            .path
        // Taken before the partial file exists, which is made under the handler's lock: a signal
        // either comes first (no file is made) or finds the file and removes it.
        let ending = Ending()
        let interrupt = InterruptSignals { _ in
            let removed = ending.state.withLock { state in
                guard state == .underWay else { return false }
                state = .interrupted
                // Only the name is removed: the check's thread may still be writing to the file.
                unlink(temporary)
                return true
            }
            if removed { FileHandle.standardError.write(Data("\nInterrupted: no report was written to \(path).\n".utf8)) }
        }
        let descriptor = ending.state.withLock { state -> Int32? in
            guard state == .underWay else { return nil }
            return open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard let descriptor else { Self.waitForTheHandler() }
        guard descriptor >= 0 else {
            interrupt.cancel()
            throw CommandFailure("cannot write the report to \(path): its folder does not exist or is not writable")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        target = .replacing(temporary: temporary, destination: real, mode: exists ? info.st_mode & 0o7777 : nil)
        self.handle = handle
        self.interrupt = interrupt
        self.ending = ending
    }

    /// After a signal (the partial file not made, or removed): the handler ends the program with
    /// the signal's status, and this thread waits for it rather than end it another way.
    private static func waitForTheHandler() -> Never {
        while true { sleep(60) }
    }

    /// The descriptor a path names when it is one of this process's open descriptors
    /// (`/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`).
    static func openDescriptor(named path: String) -> Int32? {
        switch path {
        case "/dev/stdin": return 0
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/", "/proc/\(getpid())/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }

    /// Where a link that leads to nothing (yet) points, from its folder: the report is written
    /// there and the link stays.
    static func linkTarget(_ path: String) -> String? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else { return nil }
        if target.hasPrefix("/") { return target }
        return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(target).standardizedFileURL.path
    }

    /// Adds text; it reaches the output in blocks of 64 KiB. A failed write is kept and
    /// thrown by the next `check` or `commit`.
    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 64 * 1024 { flush() }
    }

    /// Throws the first failed write, if any.
    func check() throws {
        if let failure { throw failure }
    }

    /// Writes what is left and, for a file, moves it to its name. A write that failed (a full
    /// disk) removes the partial file before it is thrown.
    func commit() throws {
        flush()
        do {
            try check()
        } catch {
            discard()
            throw error
        }
        switch target {
        case .borrowed:
            return
        case .inPlace:
            try? handle.close()
        case .replacing(let temporary, let destination, let mode):
            try? handle.close()
            if let mode { chmod(temporary, mode) }
            // rename(2) replaces an existing report in one step, under the lock the signal
            // handler takes: either the report is in place, or the handler removed it.
            guard let ending else { return }
            let (renamed, reason) = ending.state.withLock { state -> (Bool?, String) in
                if state == .committed { return (true, "") }
                guard state == .underWay else { return (nil, "") }
                guard rename(temporary, destination) == 0 else { return (false, String(cString: strerror(errno))) }
                state = .committed
                return (true, "")
            }
            switch renamed {
            case nil:
                Self.waitForTheHandler()
            case false?:
                discard()
                throw CommandFailure("cannot write the report to \(path ?? destination): \(reason)")
            case true?:
                // A signal from now on ends the check as it would any program: the report is in place.
                interrupt?.cancel()
                interrupt = nil
            }
        }
    }

    /// Removes a file's partial report.
    func discard() {
        guard case .replacing(let temporary, _, _) = target else { return }
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporary)
        interrupt?.cancel()
        interrupt = nil
    }

    private func flush() {
        guard !buffer.isEmpty, failure == nil else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            failure = CommandFailure("cannot write the report to \(path ?? "standard output"): \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
