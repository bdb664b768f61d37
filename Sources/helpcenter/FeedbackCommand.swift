import ArgumentParser

/// `helpcenter feedback`: the readers' votes (docs/feedback.md).
struct FeedbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback",
        abstract: "Collect the readers' \"Did this answer your question?\" votes, and report on them.",
        subcommands: [FeedbackServeCommand.self, FeedbackReportCommand.self]
    )
}
