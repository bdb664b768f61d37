import ArgumentParser
import Foundation
import HelpCenterInputFiles

/// `--project DIR`, shared by every command that reads the project's inputs, and the wiring to
/// ``ProjectLocator`` (docs/projects.md).
struct ProjectOptions: ParsableArguments {
    @Option(
        name: .customLong("project"),
        help: ArgumentHelp(
            "The project folder (default: the nearest folder holding helpcenter.yaml, walking up from the first path given, then from the current folder).",
            valueName: "dir"))
    var folder: String?

    /// The project folder, said on standard error with `verbose`. No project and an input left
    /// at its default: exit 2 with every folder searched and how to fix it.
    /// - Parameters:
    ///   - firstPath: the first input path the user gave, if any (the walk starts there).
    ///   - everyInputGiven: the command needs no default input, so a project is optional.
    ///   - inputsToGive: the options that make a project unnecessary, for the message.
    func locate(firstPath: String?, everyInputGiven: Bool, verbose: Bool, inputsToGive: String) throws -> HelpCenterProject {
        let project: HelpCenterProject
        do {
            project = try CommandEnvironment.current.locator.locate(explicitFolder: folder, firstPath: firstPath, everyInputGiven: everyInputGiven)
        } catch .notFound(let searches) {
            throw CommandFailure(
                """
                \(ProjectLocatorError.notFound(searches))
                helpcenter: note: the project folder is the one holding \(ProjectLocator.markerFileName) (an empty file will do): \
                run helpcenter inside it or below it, pass --project DIR, or give \(inputsToGive)
                """)
        } catch {
            throw CommandFailure(error.description)
        }
        if verbose { Console().note(project.summary) }
        return project
    }
}
