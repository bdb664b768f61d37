import ArgumentParser
import Foundation
import HelpCenterDiagnostics

/// The `helpcenter` program: build the help centre, preview it, check scenarios, render one article.
@main
struct HelpCenterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helpcenter",
        abstract: "Publish a help centre from Markdown and keep it true to the product's policy.",
        version: ToolVersion.current,
        subcommands: [BuildCommand.self, ServeCommand.self, CheckCommand.self, NewCommand.self, RenderCommand.self, FeedbackCommand.self]
    )

    static func main() async {
        Foundation.exit(await execute(nil))
    }

    /// Parses the arguments (the program's own when nil), runs the command and returns its exit
    /// status; usage errors and operational failures are 2. What a user sees for an error is
    /// printed here, through ``Console``.
    static func execute(_ arguments: [String]?) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return ExitCode.success.rawValue
        } catch {
            return report(error)
        }
    }

    /// Prints the message for an error that ended a command and returns the exit status.
    private static func report(_ error: Error) -> Int32 {
        let console = Console()
        if let failure = error as? CommandFailure {
            console.error(failure.message)
            return 2
        }
        // Its problems were printed as they were found.
        if error is ConfigurationLoader.Rejected { return 2 }
        let code = exitCode(for: error)
        let message = fullMessage(for: error)
        if code == .validationFailure {
            console.errorOutput(message + "\n")
            return 2
        }
        // As ArgumentParser's exit(withError:): help on standard output, any other message on
        // standard error, none for a bare exit code.
        if !message.isEmpty {
            if code == .success { console.output(message + "\n") } else { console.errorOutput(message + "\n") }
        }
        return code.rawValue
    }
}
