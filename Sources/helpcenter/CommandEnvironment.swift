import Foundation
import HelpCenterInputFiles

/// What the commands reach outside their arguments: where they write, and how the project
/// folder is found. The program uses the process's standard output and error and the disk
/// from the current folder up; the command-line tests (Tests/helpcenterTests) set files of
/// their own and a locator that starts from their temporary folder, for one task, so that
/// tests run side by side without touching the process's streams or its current folder.
struct CommandEnvironment: Sendable {
    var standardOutput: FileHandle
    var standardError: FileHandle
    var locator: ProjectLocator
    /// What `helpcenter check -` reads.
    var standardInput: FileHandle = .standardInput

    static let process = CommandEnvironment(standardOutput: .standardOutput, standardError: .standardError, locator: ProjectLocator())

    /// Read where a command starts (``Console`` and ``ReportSink`` keep it), not from other threads.
    @TaskLocal static var current = CommandEnvironment.process
}
