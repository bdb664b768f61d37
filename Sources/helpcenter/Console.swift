import Foundation
import HelpCenterDiagnostics

/// Where the program talks: diagnostics and errors on standard error, summaries on standard output
/// (those of ``CommandEnvironment/current`` when the console is made).
struct Console {
    var environment = CommandEnvironment.current

    func print(_ diagnostics: [Diagnostic], quiet: Bool) {
        var text = ""
        for diagnostic in diagnostics where !quiet || diagnostic.severity == .error {
            text += diagnostic.description + "\n"
        }
        if !text.isEmpty { environment.standardError.write(Data(text.utf8)) }
    }

    func error(_ message: String) {
        environment.standardError.write(Data("helpcenter: error: \(message)\n".utf8))
    }

    /// A note on standard error (`--verbose`'s project folder), apart from the output.
    func note(_ message: String) {
        environment.standardError.write(Data("helpcenter: note: \(message)\n".utf8))
    }

    /// A warning on standard error that does not stop the command.
    func warning(_ message: String) {
        environment.standardError.write(Data("helpcenter: warning: \(message)\n".utf8))
    }

    func status(_ message: String) {
        environment.standardOutput.write(Data((message + "\n").utf8))
    }

    /// Text as it is, on standard output (a report, rendered HTML).
    func output(_ text: String) {
        environment.standardOutput.write(Data(text.utf8))
    }

    /// Text as it is, on standard error.
    func errorOutput(_ text: String) {
        environment.standardError.write(Data(text.utf8))
    }
}

/// An operational failure of a command: printed as `helpcenter: error: …`, exit status 2.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
