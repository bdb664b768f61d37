import Foundation
import HelpCenterDiagnostics

/// Where the program talks: diagnostics and errors on standard error, summaries on standard output.
struct Console {
    func print(_ diagnostics: [Diagnostic], quiet: Bool) {
        var text = ""
        for diagnostic in diagnostics where !quiet || diagnostic.severity == .error {
            text += diagnostic.description + "\n"
        }
        if !text.isEmpty { FileHandle.standardError.write(Data(text.utf8)) }
    }

    func error(_ message: String) {
        FileHandle.standardError.write(Data("helpcenter: error: \(message)\n".utf8))
    }

    /// A note on standard error (`--verbose`'s project folder), apart from the output.
    func note(_ message: String) {
        FileHandle.standardError.write(Data("helpcenter: note: \(message)\n".utf8))
    }

    func status(_ message: String) {
        FileHandle.standardOutput.write(Data((message + "\n").utf8))
    }
}

/// An operational failure of a command: printed as `helpcenter: error: …`, exit status 2.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
