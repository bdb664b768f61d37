import ArgumentParser
import Foundation

/// The `helpcenter` program: build the help centre, preview it, check scenarios, render one article.
@main
struct HelpCenterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helpcenter",
        abstract: "Publish a help centre from Markdown and keep it true to the product's policy.",
        subcommands: [BuildCommand.self, ServeCommand.self, CheckCommand.self, NewCommand.self, RenderCommand.self]
    )

    /// Runs the command; usage errors and operational failures exit with status 2.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            Console().error(failure.message)
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
