import BackupPolicy
import Foundation
import Testing

/// The repository's own help centre, built as `scripts/build-site.sh` builds it, read page by
/// page as a reader gets it: none of the machinery that keeps the articles and the policy in
/// step may show through (scenario syntax, scenario files, the actions' code names).
@Suite("The published site shows no machinery")
struct PublishedSiteMachineryTests {
    /// Scenario syntax: the keys of a scenario file and its inline maps.
    static let scenarioSyntax = [
        "{method:", "{phone:", "{email:", "given:", "expect:", "when:\n", "then:\n", "two_factor", "recovery_key", "backup: {",
        "rejected:", "outcome:",
    ]

    @Test func noPublishedFileShowsScenarioSyntaxScenarioFilesOrActionNames() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("helpcenter-published-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let repository = TestProject.repository
        let run = try await CommandRun.helpcenter(
            ["build", "--project", repository.path, "--output", output.path, "--quiet"], currentFolder: repository, searchTop: repository)
        #expect(run.status == 0, "\(run.output)\(run.errors)")

        let actionNames = ActionName.allCases.map(\.rawValue)
        #expect(actionNames.contains("set_up_2fa") && actionNames.contains("change_backup"))
        // Every action's code name: `set_up_2fa` anywhere; names that are also English words
        // (`recover`, as in "recovery key", and `reauthenticate`) as code: a key or in <code>.
        let codeNames = actionNames.flatMap { name in name.contains("_") ? [name] : ["\(name):", "<code>\(name)"] }
        let scenarioFile = try Regex(#"scenarios/[^\s"'<>]*\.ya?ml"#)
        var pages = 0
        let files = FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where ["html", "js", "xml", "txt", "json"].contains(file.pathExtension) {
            let text = try String(contentsOf: file, encoding: .utf8)
            let name = file.path.dropFirst(output.path.count)
            pages += 1
            for syntax in Self.scenarioSyntax {
                #expect(!text.contains(syntax), "\(name) shows scenario syntax \(syntax.debugDescription)")
            }
            for action in codeNames {
                #expect(!text.contains(action), "\(name) shows the action's code name \(action)")
            }
            #expect(text.firstMatch(of: scenarioFile) == nil, "\(name) names a scenario file")
        }
        // The site was really read: the home page, articles, the rules page, search, 404.
        #expect(pages >= 10)
        let example = try String(
            contentsOf: output.appendingPathComponent("two-factor-authentication/set-up-or-change-your-backup-method/index.html"), encoding: .utf8)
        #expect(example.contains("<figure class=\"worked-example\""))
    }
}
