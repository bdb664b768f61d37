import ArgumentParser

/// `helpcenter serve`: placeholder, replaced by the preview server's command.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the help centre locally, rebuilding on save."
    )

    func run() throws {
        throw CommandFailure("helpcenter serve is not available yet")
    }
}
