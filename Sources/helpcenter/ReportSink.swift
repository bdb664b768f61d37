import Foundation

/// Where `helpcenter check` writes its report as it goes: standard output, or a file. A file
/// is written beside its final name and moved into place only when the report is complete,
/// so a failed or interrupted check never leaves half a report where CI looks for one.
final class ReportSink {
    private let path: String?
    private let temporaryPath: String?
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    /// The first write that failed; reported by `check` and `commit`.
    private var failure: CommandFailure?

    init(path: String?) throws {
        self.path = path
        guard let path else {
            temporaryPath = nil
            handle = CommandEnvironment.current.standardOutput
            return
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial")
            .path
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw CommandFailure("cannot write the report to \(path): its folder does not exist or is not writable")
        }
        self.temporaryPath = temporary
        self.handle = handle
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

    /// Writes what is left and, for a file, moves it to its name.
    func commit() throws {
        flush()
        try check()
        guard let path, let temporaryPath else { return }
        try? handle.close()
        // rename(2) replaces an existing report in one step.
        if rename(temporaryPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            discard()
            throw CommandFailure("cannot write the report to \(path): \(reason)")
        }
    }

    /// Removes a file's partial report.
    func discard() {
        guard let temporaryPath else { return }
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporaryPath)
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
