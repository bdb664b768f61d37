import Foundation

/// A small help centre in a temporary folder: helpcenter.yaml, two articles in one collection
/// (the second links to a heading of the first), the repository's templates and policy, and
/// one scenario file that agrees with the policy.
///
/// The commands run from an empty folder beside it (`sandbox/elsewhere`, the project being
/// `sandbox/project`) and never search above the sandbox, so a project is found only from a
/// path given or with --project, and its paths are absolute.
struct TestProject {
    let sandbox: URL
    let root: URL
    let elsewhere: URL

    /// The repository (for its templates/ and policy/).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The scenario file, as written; `banner: shown` in line 10 is what the policy expects.
    static let scenario = """
        scenarios:
          - name: The banner shows until a backup method is set up
            rules: [banner-while-missing]
            given:
              email: jane@example.com
              two_factor: {method: app}
            when:
              - open_account_management:
                # The policy shows the banner: no backup method yet.
                expect: {banner: shown}
              - set_up_backup: {email: jane.backup@example.org}
                expect: done
            then:
              banner: hidden

        """

    static let nextSteps = """
        ---
        title: Next steps
        order: 2
        ---

        After [the first steps](first-steps.md#sign-in), carry on.

        """

    init(configuration: Bool = true) throws {
        let fileManager = FileManager.default
        sandbox = fileManager.temporaryDirectory.appendingPathComponent("helpcenter-cli-\(UUID().uuidString)")
        root = sandbox.appendingPathComponent("project")
        elsewhere = sandbox.appendingPathComponent("elsewhere")
        try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
        try fileManager.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try fileManager.copyItem(at: Self.repository.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
        try fileManager.copyItem(at: Self.repository.appendingPathComponent("policy"), to: root.appendingPathComponent("policy"))
        if configuration { try write("name: Test Help\n", to: "helpcenter.yaml") }
        try write("---\ntitle: Test Help\n---\n\nWelcome.\n", to: "content/_index.md")
        try write("---\ntitle: Basics\norder: 1\n---\n\nThe basics.\n", to: "content/basics/_index.md")
        try write("---\ntitle: First steps\norder: 1\n---\n\nStart here.\n\n## Sign in\n\nSign in with your email.\n", to: "content/basics/first-steps.md")
        try write(Self.nextSteps, to: "content/basics/next-steps.md")
        try write(Self.scenario, to: "scenarios/banner.yaml")
    }

    /// The absolute path of `relative` in the project.
    func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    func write(_ text: String, to relative: String) throws {
        let file = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: path(relative))
    }

    /// Runs `helpcenter arguments…` from the folder beside the project.
    func run(_ arguments: String...) async throws -> CommandRun {
        try await run(arguments)
    }

    func run(_ arguments: [String], input: Data = Data()) async throws -> CommandRun {
        try await CommandRun.helpcenter(arguments, currentFolder: elsewhere, searchTop: sandbox, input: input)
    }

    func remove() {
        try? FileManager.default.removeItem(at: sandbox)
    }
}
