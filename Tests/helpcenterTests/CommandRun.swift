import Foundation
import HelpCenterInputFiles

@testable import helpcenter

/// One run of `helpcenter …` in process: its exit status and what it printed.
struct CommandRun {
    var status: Int32
    /// Standard output.
    var output: String
    /// Standard error.
    var errors: String

    /// Runs the program's own entry (``HelpCenterCommand/execute(_:)``: parsing, the command,
    /// the error messages and exit status) with its streams captured in files, and the project
    /// searched as if `currentFolder` were the current folder, never above `searchTop`. Paths
    /// in `arguments` must be absolute: the process's real current folder is left alone.
    static func helpcenter(_ arguments: [String], currentFolder: URL, searchTop: URL, input: Data = Data()) async throws -> CommandRun {
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("helpcenter-cli-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: capture) }
        let outputFile = capture.appendingPathComponent("stdout")
        let errorFile = capture.appendingPathComponent("stderr")
        try Data().write(to: outputFile)
        try Data().write(to: errorFile)
        let inputFile = capture.appendingPathComponent("stdin")
        try input.write(to: inputFile)
        let output = try FileHandle(forWritingTo: outputFile)
        let errors = try FileHandle(forWritingTo: errorFile)
        let standardInput = try FileHandle(forReadingFrom: inputFile)
        defer { try? standardInput.close() }
        let folder = currentFolder.path
        let top = searchTop.path
        let disk = ProjectLocator.FileSystem.real
        let environment = CommandEnvironment(
            standardOutput: output, standardError: errors,
            locator: ProjectLocator(
                fileSystem: .init(currentFolder: { folder }, isFile: disk.isFile, isFolder: disk.isFolder), searchTop: top),
            standardInput: standardInput)
        let status = await CommandEnvironment.$current.withValue(environment) {
            await HelpCenterCommand.execute(arguments)
        }
        try output.close()
        try errors.close()
        return CommandRun(
            status: status,
            output: try String(contentsOf: outputFile, encoding: .utf8),
            errors: try String(contentsOf: errorFile, encoding: .utf8))
    }
}
