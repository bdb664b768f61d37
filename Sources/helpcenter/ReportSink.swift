import Foundation

/// Where `helpcenter check` writes its report as it goes: standard output, or a file. A file
/// is written beside its final name and moved into place only when the report is complete,
/// so a failed or interrupted check never leaves half a report where CI looks for one.
final class ReportSink {
    private let path: String?
    private let temporaryPath: String?
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(path: String?) throws {
        self.path = path
        guard let path else {
            temporaryPath = nil
            handle = FileHandle.standardOutput
            return
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw CommandFailure("cannot write the report to \(path): its folder does not exist or is not writable")
        }
        self.temporaryPath = temporary
        self.handle = handle
    }

    /// Adds text; it reaches the output in blocks of 64 KiB.
    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 64 * 1024 { try flush() }
    }

    /// Writes what is left and, for a file, moves it to its name.
    func commit() throws {
        try flush()
        guard let path, let temporaryPath else { return }
        try? handle.close()
        do {
            if FileManager.default.fileExists(atPath: path) {
                _ = try FileManager.default.replaceItemAt(URL(fileURLWithPath: path), withItemAt: URL(fileURLWithPath: temporaryPath))
            } else {
                try FileManager.default.moveItem(atPath: temporaryPath, toPath: path)
            }
        } catch {
            discard()
            throw CommandFailure("cannot write the report to \(path): \(error.localizedDescription)")
        }
    }

    /// Removes a file's partial report.
    func discard() {
        guard let temporaryPath else { return }
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw CommandFailure("cannot write the report to \(path ?? "standard output"): \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
