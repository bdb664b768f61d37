import Foundation
import Testing

@testable import helpcenter

@Suite("helpcenter check")
struct CheckCommandTests {
    @Test func aSuiteThatAgreesWithThePolicyPasses() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let run = try await project.run("check", "--project", project.root.path)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("checked 1 scenario in 1 file: 1 passed, 0 failed; 0 errors"), "\(run.output)")
        #expect(!run.output.contains(": error:"))
    }

    @Test func aMismatchIsAnErrorAtItsFileLineAndColumn() async throws {
        let project = try TestProject()
        defer { project.remove() }
        try project.write(
            TestProject.scenario.replacingOccurrences(of: "expect: {banner: shown}", with: "expect: {banner: hidden}"), to: "scenarios/banner.yaml")
        let run = try await project.run("check", project.path("scenarios"))
        #expect(run.status == 1)
        #expect(run.output.contains("[banner-while-missing]"))
        #expect(
            run.output.contains("\(project.path("scenarios/banner.yaml")):10:18: error: expected banner: hidden, but the policy gives banner: shown"),
            "\(run.output)")
    }

    /// Warnings (here the test project's rules that no article cites) exit 0, or 1 with
    /// `--strict`, which counts them; the repository's own suite, which has none, passes it.
    @Test func strictMakesWarningsFailTheCheck() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let plain = try await project.run("check", "--project", project.root.path)
        #expect(plain.status == 0)
        let warnings = try #require(plain.output.firstMatch(of: /; 0 errors, (\d+) warnings/)?.1)
        #expect((Int(warnings) ?? 0) > 0, "\(plain.output)")
        let strict = try await project.run("check", "--project", project.root.path, "--strict")
        #expect(strict.status == 1)
        #expect(strict.errors.contains("failing: --strict, and the check found \(warnings) warnings"), "\(strict.errors)")
        let repository = TestProject.repository
        let clean = try await CommandRun.helpcenter(["check", "--project", repository.path, "--strict"], currentFolder: repository, searchTop: repository)
        #expect(clean.status == 0, "\(clean.output.suffix(300))")
    }

    /// `--quiet` prints the errors and the summary, as `build --quiet` does: no warnings, notes or
    /// coverage table; the machine formats keep everything (session 24's CI trial asked for it).
    @Test func quietKeepsTheErrorsAndTheSummaryOnly() async throws {
        let project = try TestProject()
        defer { project.remove() }
        try project.write(
            TestProject.scenario.replacingOccurrences(of: "expect: {banner: shown}", with: "expect: {banner: hidden}"), to: "scenarios/banner.yaml")
        // A second file, so that checking the first is a check of part of the suite (a note).
        try project.write(
            TestProject.scenario.replacingOccurrences(of: "The banner shows", with: "Again, the banner shows"), to: "scenarios/again.yaml")
        let plain = try await project.run("check", project.path("scenarios/banner.yaml"))
        #expect(plain.output.contains(": warning: "), "\(plain.output)")
        #expect(plain.errors.contains("note: checked "), "\(plain.errors)")
        let quiet = try await project.run("check", project.path("scenarios/banner.yaml"), "--quiet")
        #expect(quiet.status == 1 && plain.status == 1)
        #expect(quiet.output.contains(": error: expected banner: hidden"), "\(quiet.output)")
        #expect(!quiet.output.contains(": warning: ") && !quiet.output.contains("coverage by rule"), "\(quiet.output)")
        #expect(!quiet.errors.contains("note: "), "\(quiet.errors)")
        let summary = try #require(plain.output.split(separator: "\n").last)
        #expect(quiet.output.hasSuffix(summary + "\n"), "\(quiet.output)")
        let json = try await project.run("check", "--project", project.root.path, "--quiet", "--format", "json")
        #expect(json.output.contains("\"coverage\""), "\(json.output.prefix(300))")
    }

    /// `--translations` reports on the articles: scenario paths and options were ignored
    /// without a word (`check --translations -`: session 24's CI trial).
    @Test(arguments: [
        (["-"], "leave out scenario paths"), (["--mutations", "--tag", "x"], "leave out --tag, --mutations"),
    ])
    func translationsTakeNoScenarioOptions(extra: [String], message: String) async throws {
        let project = try NewTranslationCommandTests.frenchProject()
        defer { project.remove() }
        let run = try await project.run(["check", "--translations", "--project", project.root.path] + extra)
        #expect(run.status == 2)
        #expect(
            run.errors.contains("--translations reports on the articles of the content folder (--content DIR), not on scenarios: \(message)"),
            "\(run.errors)")
    }

    /// A filter whose scenarios are in a file that can't be read: that file's error (exit 1),
    /// not "check their spelling".
    @Test func aFilterOverABrokenFileReportsTheFile() async throws {
        let project = try TestProject()
        defer { project.remove() }
        try project.write("scenarios:\n  - name: [broken\n", to: "scenarios/broken.yaml")
        let run = try await project.run("check", "--project", project.root.path, "--tag", "smoke")
        #expect(run.status == 1, "\(run.errors)")
        #expect(!run.errors.contains("check their spelling"))
    }

    /// Checking one file of the suite leaves out which rules no scenario shows deciding (the
    /// other files may), says so, and refuses `--require-coverage`; the whole folder reports them.
    @Test func aCheckOfPartOfTheSuiteLeavesScenarioCoverageOut() async throws {
        let project = try TestProject()
        defer { project.remove() }
        try project.write(TestProject.scenario.replacingOccurrences(of: "The banner shows", with: "Again, the banner shows"), to: "scenarios/more/again.yaml")
        let uncovered = "no scenario shows the rule 'one-method' deciding a step"
        let whole = try await project.run("check", project.path("scenarios"))
        #expect(whole.status == 0, "\(whole.errors)")
        #expect(whole.output.contains(uncovered), "\(whole.output)")
        #expect(whole.output.contains("(no citing article, no deciding scenario)"), "\(whole.output)")
        #expect(!whole.errors.contains("note: checked"))

        let part = try await project.run("check", project.path("scenarios/more/again.yaml"))
        #expect(part.status == 0, "\(part.errors)")
        #expect(!part.output.contains("no scenario shows the rule"), "\(part.output)")
        #expect(!part.output.contains("no deciding scenario"), "nor marked in the table: \(part.output)")
        #expect(part.output.contains("coverage by rule (articles citing it, scenarios of the files checked where it decides a step"))
        // What the articles cite is not about the scenarios: still reported.
        #expect(part.output.contains("no article cites the rule"), "\(part.output)")
        #expect(
            part.errors.contains(
                "note: checked 1 of the 2 scenario files in \(project.path("scenarios")); rules that no scenario shows deciding are reported when the whole suite is checked"
            ), "\(part.errors)")

        let both = try await project.run("check", project.path("scenarios/banner.yaml"), project.path("scenarios/more"))
        #expect(both.output.contains(uncovered), "every file given: the whole suite")

        // The JSON report says which it was.
        func wholeSuite(_ arguments: String...) async throws -> Bool? {
            let run = try await project.run(["check", "--format", "json"] + arguments)
            let root = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
            return (root?["summary"] as? [String: Any])?["whole_suite"] as? Bool
        }
        #expect(try await wholeSuite(project.path("scenarios/more/again.yaml")) == false)
        #expect(try await wholeSuite(project.path("scenarios")) == true)

        let required = try await project.run("check", "--require-coverage", project.path("scenarios/banner.yaml"))
        #expect(required.status == 2)
        #expect(required.errors.contains("--require-coverage needs the whole suite, and the paths given hold 1 of the 2 scenario files"), "\(required.errors)")
        let mutations = try await project.run("check", "--mutations", project.path("scenarios/banner.yaml"))
        #expect(mutations.status == 2)
        #expect(mutations.errors.contains("--mutations needs the whole suite"), "\(mutations.errors)")
    }

    /// `--output` and `--report` may not replace or land among the build's inputs: the policy
    /// became JSON and the next check failed, a report in `content/` broke the next build, all
    /// with exit 0 (session 24's CI trial).
    @Test(arguments: [
        (["--output", "policy/backup-policy.yaml"], "refusing to write --output policy/backup-policy.yaml: it is the policy file"),
        (["--output", "helpcenter.yaml"], "refusing to write --output helpcenter.yaml: it is the site configuration"),
        (["--output", "content/report.json"], "refusing to write --output content/report.json: it is in the content folder"),
        (["--output", "templates/x.html"], "it is in the templates folder"),
        (["--output", "policy/vocabulary.yaml"], "it is in the policy folder"),
        // A folder not made yet, and a link to a file not made yet (the review of session 24).
        (["--report", "content/new/deeper"], "refusing to write --report content/new/deeper: it is in the content folder"),
        (["--report", "content/basics"], "refusing to write --report content/basics: it is in the content folder"),
        (["--translations", "--output", "content/t.json"], "refusing to write --output content/t.json: it is in the content folder"),
    ])
    func aReportMayNotReplaceOrJoinTheInputs(options: [String], message: String) async throws {
        let project = try TestProject()
        defer { project.remove() }
        try project.write("name: Test Help\nlanguages:\n  en: { tag: en-GB }\n  fr: { tag: fr-FR }\n", to: "helpcenter.yaml")
        let before = try project.read("policy/backup-policy.yaml")
        let absolute = options.map { $0.contains("/") || $0.hasSuffix(".yaml") ? project.path($0) : $0 }
        let run = try await project.run(["check", "--format", "json", "--project", project.root.path] + absolute)
        #expect(run.status == 2, "\(run.errors)")
        #expect(run.errors.contains(message.replacingOccurrences(of: options.last ?? "", with: project.path(options.last ?? ""))), "\(run.errors)")
        #expect(try project.read("policy/backup-policy.yaml") == before)
        #expect(!project.exists("content/report.json") && !project.exists("content/basics/index.html") && !project.exists("content/t.json"))
    }

    /// A scenario file named on the command line that is a link out of the project is refused,
    /// as one met in a folder is: a job checking a pull request's changed files printed the
    /// linked file, line by line, in "unknown field" errors (session 24's CI trial). A link to
    /// another file of the suite is still read.
    @Test func aLinkNamedOnTheCommandLineMayNotLeaveTheProject() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let secret = project.sandbox.appendingPathComponent("secret.txt")
        try "root: hunter2\n".write(to: secret, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: project.path("scenarios/evil.yaml"), withDestinationPath: secret.path)
        try FileManager.default.createSymbolicLink(atPath: project.path("scenarios/alias.yml"), withDestinationPath: "banner.yaml")
        for format in ["human", "github"] {
            let run = try await project.run("check", "--format", format, project.path("scenarios/evil.yaml"))
            #expect(run.status == 1)
            #expect(!run.output.contains("hunter2") && !run.errors.contains("hunter2"), "\(run.output)")
            #expect(run.output.contains("it is a symbolic link to \(secret.path), outside the project's inputs"), "\(run.output)")
        }
        // A folder reached through a link, named as a folder or on the way to a file (the review
        // of session 24: the link was a root of the boundary).
        let outside = project.sandbox.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try "root: hunter2\n".write(to: outside.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: project.path("scenarios/evil"), withDestinationPath: outside.path)
        for named in ["scenarios/evil", "scenarios/evil/s.yaml"] {
            let run = try await project.run("check", project.path(named))
            #expect(run.status == 1)
            #expect(!run.output.contains("hunter2"), "\(named): \(run.output)")
            #expect(run.output.contains("outside the project's inputs"), "\(named): \(run.output)")
        }
        let alias = try await project.run("check", project.path("scenarios/alias.yml"))
        #expect(alias.status == 0, "\(alias.output)\(alias.errors)")
        #expect(alias.output.contains("checked 1 scenario in 1 file: 1 passed"), "\(alias.output)")
    }

    /// `helpcenter check -`: one scenario file from standard input (an editor's unsaved buffer),
    /// reported under `--stdin-name`, from which the project is found; never the whole suite.
    @Test func aScenarioFileIsReadFromStandardInput() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let broken = Data(TestProject.scenario.replacingOccurrences(of: "expect: done", with: "expect: rejected").utf8)
        #expect(broken != Data(TestProject.scenario.utf8))
        let named = project.path("scenarios/banner.yaml")
        let run = try await project.run(["check", "-", "--stdin-name", named], input: broken)
        #expect(run.status == 1, "\(run.output)\(run.errors)")
        #expect(run.output.contains("\(named):"), "findings at the name given: \(run.output)")
        #expect(run.errors.contains("note: checked standard input; rules that no scenario shows deciding are reported when the whole suite is checked"))
        let clean = try await project.run(["check", "--project", project.root.path, "-"], input: Data(TestProject.scenario.utf8))
        #expect(clean.status == 0, "\(clean.output)\(clean.errors)")
        #expect(!clean.output.contains("no scenario shows the rule"), "\(clean.output)")
        let required = try await project.run(["check", "--project", project.root.path, "--require-coverage", "-"], input: Data(TestProject.scenario.utf8))
        #expect(required.status == 2)
        #expect(required.errors.contains("--require-coverage needs the whole suite, and the paths given hold standard input"), "\(required.errors)")
        let twice = try await project.run(["check", "--project", project.root.path, "-", "-"])
        #expect(twice.status == 2)
        #expect(twice.errors.contains("'-' (standard input) may be given once"), "\(twice.errors)")
        // Read to its end, but not held beyond a scenario file's limit (8 MiB): its error.
        let large = try await project.run(["check", "--project", project.root.path, "-"], input: Data(repeating: 0x23, count: 8 * 1024 * 1024 + 1))
        #expect(large.status == 1)
        #expect(large.output.contains("<stdin>"), "\(large.output)")
        #expect(large.output.contains("the standard input is more than 8388608 bytes; scenario files are limited to 8388608 bytes"), "\(large.output)")
        // The report may not replace the file standard input stands for (the review of session 24).
        let over = try await project.run(["check", "-", "--stdin-name", named, "--output", named], input: Data(TestProject.scenario.utf8))
        #expect(over.status == 2)
        #expect(over.errors.contains("a scenario file this check reads"), "\(over.errors)")
        // A closed standard input, or a folder, is that file's error, not a trap.
        let folder = try #require(FileHandle(forReadingAtPath: project.root.path))
        guard case .unreadable(let reason) = CheckCommand.read(folder, as: "<stdin>", maximumSize: 100).content else {
            Issue.record("a folder read as standard input")
            return
        }
        #expect(reason.hasPrefix("the standard input can't be read"))
        let nameOnly = try await project.run(["check", "--project", project.root.path, "--stdin-name", named])
        #expect(nameOnly.status == 2)
        #expect(nameOnly.errors.contains("--stdin-name names the standard input"), "\(nameOnly.errors)")
    }

    /// A check of nothing is a usage error (a mistyped path or a checkout without its scenarios
    /// passed with a note), `--output -` is standard output (it wrote a file named `-`), and an
    /// empty `--output` is a usage error (session 24's CI trial).
    @Test func nothingToCheckAndOutputDashAndEmptyOutput() async throws {
        let project = try TestProject()
        defer { project.remove() }
        try FileManager.default.createDirectory(atPath: project.path("scenarios/empty"), withIntermediateDirectories: true)
        let empty = try await project.run("check", project.path("scenarios/empty"))
        #expect(empty.status == 2)
        #expect(
            empty.errors.contains("no scenario files (*.yaml, *.yml) in \(project.path("scenarios/empty")): a check of nothing would pass"), "\(empty.errors)")
        let dash = try await project.run("check", "--format", "json", "--output", "-", "--project", project.root.path)
        #expect(dash.status == 0, "\(dash.errors)")
        #expect(dash.output.hasPrefix("{"), "\(dash.output)")
        #expect(!FileManager.default.fileExists(atPath: project.elsewhere.appendingPathComponent("-").path))
        let blank = try await project.run("check", "--output", "", "--project", project.root.path)
        #expect(blank.status == 2)
        #expect(blank.errors.contains("--output needs a file name"), "\(blank.errors)")
    }

    /// A misspelt `--tag` selects nothing: a usage error, not a pass.
    @Test func aFilterThatMatchesNothingIsAUsageError() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let run = try await project.run("check", "--project", project.root.path, "--tag", "smoek")
        #expect(run.status == 2)
        #expect(run.errors.contains("no scenario matched the filters (--tag smoek): check their spelling"), "\(run.errors)")
    }

    @Test func aPathThatDoesNotExistCannotBeChecked() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let missing = project.path("scenarios/missing.yaml")
        let run = try await project.run("check", missing)
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix("helpcenter: error: "), "\(run.errors)")
        #expect(run.errors.contains(missing))
        #expect(run.output.isEmpty)
    }

    /// `--output` over a scenario file it reads replaced the scenarios with the report and
    /// passed; a YAML report in a scenario folder was read as a broken scenario next time.
    @Test func theReportIsNeverWrittenOverOrAmongTheScenarios() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let scenario = project.path("scenarios/banner.yaml")
        let over = try await project.run("check", scenario, "--format", "json", "--output", scenario)
        #expect(over.status == 2)
        #expect(over.errors.contains("a scenario file this check reads"), "\(over.errors)")
        #expect(try project.read("scenarios/banner.yaml") == TestProject.scenario)
        let among = try await project.run("check", project.path("scenarios"), "--output", project.path("scenarios/report.yml"))
        #expect(among.status == 2)
        #expect(among.errors.contains("would be read as a scenario file by the next check"), "\(among.errors)")
        #expect(!FileManager.default.fileExists(atPath: project.path("scenarios/report.yml")))
        // A report beside the scenario folder is fine.
        let beside = try await project.run("check", project.path("scenarios"), "--format", "json", "--output", project.path("report.json"))
        #expect(beside.status == 0, "\(beside.errors)")
    }

    @Test func anUnknownFormatIsAUsageError() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let run = try await project.run("check", "--project", project.root.path, "--format", "xml")
        #expect(run.status == 2)
        #expect(run.errors.contains("Error: The value 'xml' is invalid for '--format <format>'"), "\(run.errors)")
        #expect(run.errors.contains("Usage: helpcenter check"))
        #expect(run.output.isEmpty)
    }

    @Test func theRulesAreListedInPrecedenceOrder() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let run = try await project.run("check", "--list-rules", "--project", project.root.path)
        #expect(run.status == 0, "\(run.errors)")
        let listed = run.output.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(listed.contains("banner-while-missing"), "\(run.output)")
        #expect(listed.contains("recovery-key-first"))
        #expect(run.errors.isEmpty)
    }

    @Test func aJSONReportLeavesTheSummaryOnStandardError() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let run = try await project.run("check", "--project", project.root.path, "--format", "json")
        #expect(run.status == 0, "\(run.errors)")
        let report = try JSONSerialization.jsonObject(with: Data(run.output.utf8))
        #expect(report is [String: Any])
        #expect(run.errors.contains("1 scenario"), "\(run.errors)")
    }

    /// `--output` through a link replaces the file the link leads to, with its permissions; the
    /// link stays (it replaced the link, and a 0600 report came back 0644).
    @Test func aReportThroughALinkReplacesItsFileAndKeepsTheLink() async throws {
        let project = try TestProject()
        defer { project.remove() }
        try project.write("old\n", to: "reports/target.json")
        chmod(project.path("reports/target.json"), 0o600)
        try FileManager.default.createSymbolicLink(atPath: project.path("reports/link.json"), withDestinationPath: "target.json")
        let run = try await project.run("check", "--project", project.root.path, "--format", "json", "--output", project.path("reports/link.json"))
        #expect(run.status == 0, "\(run.errors)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: project.path("reports/link.json")) == "target.json")
        #expect(try JSONSerialization.jsonObject(with: Data(project.read("reports/target.json").utf8)) is [String: Any])
        let attributes = try FileManager.default.attributesOfItem(atPath: project.path("reports/target.json"))
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.path("reports")).sorted() == ["link.json", "target.json"])
    }

    /// A pipe (as `/dev/stdout` is in CI) or a device is written in place, never replaced by a
    /// file: run as root, `--output /dev/null` made `/dev/null` a regular file.
    @Test func aReportToAPipeIsWrittenIntoIt() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let fifo = project.path("report.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Task.detached { () -> Data in
            guard let handle = FileHandle(forReadingAtPath: fifo) else { return Data() }
            return handle.readDataToEndOfFile()
        }
        let run = try await project.run("check", "--project", project.root.path, "--format", "json", "--output", fifo)
        #expect(run.status == 0, "\(run.errors)")
        // Had the check not opened the pipe, the reader would wait for a writer for ever: one
        // is opened and closed here, so that it ends (with nothing read, and the test fails).
        let unblock = open(fifo, O_WRONLY | O_NONBLOCK)
        if unblock >= 0 { close(unblock) }
        let received = await reader.value
        #expect(try JSONSerialization.jsonObject(with: received) is [String: Any])
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func aReportToAFolderIsRefusedSayingSo() async throws {
        let project = try TestProject()
        defer { project.remove() }
        let run = try await project.run("check", "--project", project.root.path, "--output", project.elsewhere.path)
        #expect(run.status == 2)
        #expect(run.errors.contains("it is a folder"), "\(run.errors)")
    }

    /// `--name "$UNSET"` in CI selected nothing and passed a failing suite.
    @Test(arguments: [["--name", ""], ["--tag", " "]])
    func anEmptyFilterIsAUsageError(filter: [String]) async throws {
        let project = try TestProject()
        defer { project.remove() }
        let run = try await CommandRun.helpcenter(
            ["check", "--project", project.root.path] + filter, currentFolder: project.elsewhere, searchTop: project.sandbox)
        #expect(run.status == 2)
        #expect(run.errors.contains("selects no scenario"), "\(run.errors)")
    }

    /// `/dev/stdout` and its kin name a descriptor already open, written as it is: followed as a
    /// link, `/dev/stdout` led to the file standard output was redirected to, which the report
    /// then replaced (`--output /dev/stdout >> ci.log` lost the log).
    @Test func descriptorNamesAreWrittenToTheirDescriptor() {
        #expect(ReportSink.openDescriptor(named: "/dev/stdout") == 1)
        #expect(ReportSink.openDescriptor(named: "/dev/stderr") == 2)
        #expect(ReportSink.openDescriptor(named: "/dev/fd/7") == 7)
        #expect(ReportSink.openDescriptor(named: "/proc/self/fd/9") == 9)
        #expect(ReportSink.openDescriptor(named: "/dev/null") == nil)
        #expect(ReportSink.openDescriptor(named: "reports/fd/1") == nil)
    }

    /// A link to a file not made yet: the report is written where it leads, and the link stays.
    @Test func aReportThroughALinkToNothingYetKeepsTheLink() async throws {
        let project = try TestProject()
        defer { project.remove() }
        try project.write("", to: "reports/.keep")
        try FileManager.default.createSymbolicLink(atPath: project.path("reports/latest.json"), withDestinationPath: "run-1.json")
        let run = try await project.run("check", "--project", project.root.path, "--format", "json", "--output", project.path("reports/latest.json"))
        #expect(run.status == 0, "\(run.errors)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: project.path("reports/latest.json")) == "run-1.json")
        #expect(try JSONSerialization.jsonObject(with: Data(project.read("reports/run-1.json").utf8)) is [String: Any])
    }

    /// A descriptor the check was given by name is written to and left open: closing it (as a
    /// file opened for the report is closed) closed the caller's `/dev/stderr` or pipe.
    @Test func aDescriptorNamedIsWrittenAndLeftOpen() async throws {
        let project = try TestProject()
        defer { project.remove() }
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer {
            close(ends[0])
            close(ends[1])
        }
        let run = try await project.run("check", "--project", project.root.path, "--format", "json", "--output", "/dev/fd/\(ends[1])")
        #expect(run.status == 0, "\(run.errors)")
        #expect(fcntl(ends[1], F_GETFD) != -1, "the descriptor was closed")
        close(ends[1])
        ends[1] = -1
        let received = FileHandle(fileDescriptor: ends[0], closeOnDealloc: false).readDataToEndOfFile()
        #expect(try JSONSerialization.jsonObject(with: received) is [String: Any])
    }
}
