import ArgumentParser
import BackupPolicy
import Foundation
import HelpCenterInputFiles
import HelpCenterSite
import ScenarioChecker

/// `helpcenter check`: replays scenario files through the backup-method policy and reports
/// every disagreement. Thin: it parses arguments, reads and writes files, and picks the exit
/// status; the checking lives in ScenarioChecker.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check scenario files against the backup-method policy.",
        discussion: """
            Every *.yaml and *.yml file under a folder is a scenario file. The check also reports, \
            per rule, the articles citing it and the scenarios where it decides or allows a step; \
            an uncovered rule is a warning, or an error with --require-coverage. --mutations runs \
            the suite against broken variants of the policy and reports each that no scenario \
            notices. Exit status: 0 when there are no errors, 1 when there is at least one, 2 when \
            the check could not run (no project folder found, no such path, unreadable or mismatched \
            policy file, bad option). The project folder is the nearest holding helpcenter.yaml, \
            walking up from the first path given, then from the current folder.
            """
    )

    @Argument(help: "Scenario files or folders (default: scenarios in the project folder); '-' reads one scenario file from standard input.")
    var paths: [String] = []

    @Option(
        help: ArgumentHelp(
            "With '-': the path the standard input is reported as, and the project is found from (an editor's unsaved buffer).", valueName: "path"))
    var stdinName: String?

    @Option(help: "Report format.")
    var format: ReportFormat = .human

    @Option(help: "Write the report to this file instead of standard output ('-' is standard output).")
    var output: String?

    @Option(
        help: ArgumentHelp("The policy data file: rule wording and parameters (default: policy/backup-policy.yaml in the project folder).", valueName: "policy")
    )
    var policy: String?

    @Option(name: .customLong("tag"), help: "Check only scenarios with this tag (repeatable).")
    var tags: [String] = []

    @Option(name: .customLong("rule"), help: "Check only scenarios that cite or exercise this rule (repeatable).")
    var rules: [PolicyRuleID] = []

    @Option(name: .customLong("name"), help: "Check only scenarios whose name contains this text, ignoring case (repeatable).")
    var names: [String] = []

    @Flag(help: "List the policy's rules with their titles, in precedence order, and exit.")
    var listRules = false

    @Option(help: ArgumentHelp("The articles' folder, for the rules they cite (default: content in the project folder).", valueName: "content"))
    var content: String?

    @OptionGroup var project: ProjectOptions

    @Flag(help: "Say which project folder is used, and why.")
    var verbose = false
    @Flag(help: "Print only errors and the summary, as build --quiet does (human format; the others keep everything).")
    var quiet = false

    @Flag(help: "Make a rule that no article cites, or that no scenario shows deciding, an error (not a warning).")
    var requireCoverage = false

    @Flag(help: "Exit 1 when the check finds warnings, not only errors (for CI that keeps a suite free of them).")
    var strict = false

    @Flag(help: "Also run the scenarios against broken variants of the policy; a variant no scenario notices is an error.")
    var mutations = false

    @Option(
        help: ArgumentHelp(
            "Also write an HTML report for the team into this folder (index.html): findings, each rule's coverage, the scenarios × rules matrix, the state diagram.",
            valueName: "folder"))
    var report: String?

    @Flag(help: "Report each page's translations instead (docs/languages.md): out of date (an error), without translation_of (a warning), missing (a note).")
    var translations = false

    /// An empty `--name` or `--tag` (a CI variable that is not set) selected no scenario and
    /// passed; it is a usage error.
    mutating func validate() throws {
        // `--output -` is standard output, as the paths' `-` is standard input (it wrote a file
        // named `-`); an empty name (an unset CI variable) is a usage error.
        if output == Self.standardInputPath { output = nil }
        if output?.isEmpty == true {
            throw ValidationError("--output needs a file name: an empty one names no file (leave --output out, or give -, to write to standard output)")
        }
        if names.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("--name needs some text: an empty one selects no scenario (leave --name out to check them all)")
        }
        if tags.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("--tag needs a tag: an empty one selects no scenario (leave --tag out to check them all)")
        }
        if paths.filter({ $0 == Self.standardInputPath }).count > 1 {
            throw ValidationError("'-' (standard input) may be given once")
        }
        if stdinName != nil && !readsStandardInput {
            throw ValidationError("--stdin-name names the standard input, which is read only when '-' is among the paths")
        }
        if translations {
            // They were ignored without a word (`check --translations -`: session 24's CI trial).
            let scenarioOptions = [
                (!paths.isEmpty, "scenario paths"), (stdinName != nil, "--stdin-name"), (!tags.isEmpty, "--tag"), (!rules.isEmpty, "--rule"),
                (!names.isEmpty, "--name"), (listRules, "--list-rules"), (requireCoverage, "--require-coverage"), (mutations, "--mutations"),
                (report != nil, "--report"),
            ]
            let given = scenarioOptions.filter(\.0).map(\.1)
            if !given.isEmpty {
                throw ValidationError(
                    "--translations reports on the articles of the content folder (--content DIR), not on scenarios: leave out \(given.joined(separator: ", "))"
                )
            }
        }
    }

    /// The path that stands for standard input.
    static let standardInputPath = "-"

    /// Whether one of the paths is standard input (`helpcenter check -`).
    var readsStandardInput: Bool { paths.contains(Self.standardInputPath) }

    func run() throws {
        if translations { return try checkTranslations() }
        let (policy, content, scanned, located) = try projectInputs()
        let shown = Self.reportPath(format: format, project: located)
        let document = try readPolicy(policy, shownAs: shown(policy))
        let wording = document.wording
        if listRules {
            Console().output(ReportRenderer.ruleList(wording))
            return
        }
        let filter = ScenarioFilter(tags: tags, rules: rules, names: names)
        let checker = ScenarioSuiteChecker(policy: BackupPolicy(parameters: wording.parameters), filter: filter)
        // Links inside the scenario folders may lead to the other inputs, nowhere else; so may a
        // path named on the command line through a link (`CheckCommand.boundary`).
        let boundary = Self.boundary(
            scanned: scanned, others: [content, (policy as NSString).deletingLastPathComponent, located.path("scenarios")].filter { !$0.isEmpty })
        let discovery: ScenarioDiscovery
        do {
            discovery = try ScenarioSource.discover(scanned, within: boundary)
        } catch {
            throw CommandFailure(error.description)
        }
        let files = discovery.files
        if files.isEmpty && discovery.skipped.isEmpty && !readsStandardInput {
            // A check of nothing would pass: a mistyped path or a checkout without its scenarios
            // went green (session 24's CI trial). A usage error, as a filter matching nothing is.
            throw CommandFailure(
                "no scenario files (*.yaml, *.yml) in \(scanned.map(shown).joined(separator: ", ")): a check of nothing would pass; name the files or folders to check"
            )
        }
        if let output {
            // The file standard input stands for is a scenario file too (an editor's buffer), and
            // the project's scenario folder is one even when no folder was walked.
            var folders = discovery.folders
            if let scenarios = InputBoundary.realPath(located.path("scenarios")) { folders.insert(scenarios) }
            try Self.refuseReport(at: output, over: files + (readsStandardInput ? stdinName.map { [$0] } ?? [] : []), in: folders)
        }
        let inputs = ProjectInputs(content: content, policy: policy, project: located)
        if let output { try inputs.refuse(output, option: "--output") }
        if let report { try inputs.refuse(report + "/index.html", option: "--report", given: report) }
        // Which rules no scenario shows deciding is a question about the whole suite: a check of
        // some of its files leaves that out (it warned about every rule the other files show).
        // Standard input is a file being edited, never the whole suite.
        let partial = partialSuite(checked: files, project: located, within: boundary)
        // "1 of the 7 scenario files in scenarios", for the refusal and the note.
        let checkedPart =
            readsStandardInput
            ? "standard input" + (files.isEmpty ? "" : " and \(ReportRenderer.plural(files.count, "file"))")
            : partial.map { "\($0.checked) of the \(ReportRenderer.plural($0.suite, "scenario file")) in \(shown(located.path("scenarios")))" }
        if let checkedPart, requireCoverage || mutations {
            // A rule or a broken variant that these files leave alone may be the other files'.
            throw CommandFailure(
                "\(requireCoverage ? "--require-coverage" : "--mutations") needs the whole suite, and the paths given hold \(checkedPart); leave the paths out to check the whole suite"
            )
        }
        let audit = SuiteAudit(
            document: document, citations: try loadRuleCitations(contentFolder: content, shownAs: shown(content)),
            requireCoverage: requireCoverage, variants: mutations ? PolicyVariant.catalogue : [], wholeSuite: checkedPart == nil
        )
        let standardInput =
            readsStandardInput
            ? [Self.read(CommandEnvironment.current.standardInput, as: stdinName ?? "<stdin>", maximumSize: checker.limits.maximumFileSize)] : []
        let sources =
            (standardInput + files.map { ScenarioSource.deferred($0, maximumSize: checker.limits.maximumFileSize, within: boundary) } + discovery.skipped)
            .map { source in
                var source = source
                source.path = shown(source.path)
                return source
            }
        // The report is written file by file as the check goes (docs/checker.md, "The checker").
        let sink = try ReportSink(path: output)
        var stream = ReportStream(format: format, wording: wording, quiet: quiet)
        let suite: SuiteResult
        // The team's HTML report needs every file's scenarios at the end (it is one page).
        var reported: [FileReport] = []
        let keepFiles = report != nil
        do {
            stream.start(emit: sink.write)
            let format = format
            suite = try checker.check(
                sources, audit: audit, prepare: { ReportStream.prepare($0, format: format) },
                each: { file, prepared in
                    if keepFiles { reported.append(file) }
                    stream.add(file, prepared: prepared, emit: sink.write)
                    try sink.check()
                })
            stream.finish(suite, emit: sink.write)
            try sink.commit()
        } catch {
            sink.discard()
            throw error
        }
        if let report {
            try writeTeamReport(to: report, files: reported, suite: suite, document: document, policyPath: policy)
        }
        if output != nil || format != .human {
            standardError(ReportRenderer.summary(of: suite.totals))
        }
        if let checkedPart, !quiet {
            standardError(
                "note: checked \(checkedPart); rules that no scenario shows deciding are reported when the whole suite is checked (no paths)"
            )
        }
        if suite.totals.scenarios == 0 && !filter.isEmpty && !suite.totals.hasErrors {
            // A filter that selects nothing checks nothing: a misspelt `--tag smoek` passed
            // with exit 0 (session 22's QA trial). A usage error, as an empty --tag is; unless a
            // file could not be read (it may hold the scenarios wanted: its error, exit 1, says more).
            let given = tags.map { "--tag \($0)" } + rules.map { "--rule \($0.rawValue)" } + names.map { "--name \($0)" }
            throw CommandFailure(
                "no scenario matched the filters (\(given.joined(separator: " "))): check their spelling; a check that selects nothing would pass without checking anything"
            )
        }
        if suite.totals.hasErrors { throw ExitCode(1) }
        try failUnderStrict(warnings: suite.totals.warnings)
    }

    /// Standard input as one scenario file named `path`, read up to one byte past the limit of a
    /// scenario file (a larger input is that file's error, as a large file's is).
    static func read(_ input: FileHandle, as path: String, maximumSize: Int) -> ScenarioSource {
        var bytes: [UInt8] = []
        // Up to one byte past the limit, then no further (`yes | helpcenter check -` never ends).
        while bytes.count <= maximumSize {
            let chunk: Data?
            do {
                chunk = try input.read(upToCount: min(64 * 1024, maximumSize + 1 - bytes.count))
            } catch {
                // A closed standard input, or a folder given as one (`readData` trapped on both).
                return ScenarioSource(
                    path: path,
                    content: .unreadable(
                        "the standard input can't be read (it is closed, or a folder): give the scenario file's text, or its path instead of '-'"))
            }
            guard let chunk, !chunk.isEmpty else { break }
            bytes += chunk
        }
        guard bytes.count <= maximumSize else {
            return ScenarioSource(
                path: path,
                content: .unreadable(
                    "the standard input is more than \(maximumSize) bytes; scenario files are limited to \(maximumSize) bytes (split it into several files)"))
        }
        return ScenarioSource(path: path, content: .bytes(bytes))
    }

    /// The inputs a check may read: the content, the policy's folder, the project's scenarios,
    /// and the files and folders given that are reached without a symbolic link on the way. A
    /// path given through a link (the file itself, a folder, or a folder on its path) counts as
    /// an input only where the link leads into those: a pull request's
    /// `scenarios/x.yaml -> /etc/shadow`, or `scenarios/evil -> /etc`, named by a job that checks
    /// the changed files, printed the files in its findings (session 24's CI trial and review).
    static func boundary(scanned: [String], others: [String]) -> InputBoundary {
        var roots: [String] = []
        for path in others {
            let root = InputBoundary.realPath(path) ?? InputBoundary.absolute(path)
            if !roots.contains(root) { roots.append(root) }
        }
        let inputs = InputBoundary(realPaths: roots)
        for path in scanned {
            let lexical = InputBoundary.absolute(path)
            guard let real = InputBoundary.realPath(path) else {
                if !roots.contains(lexical) { roots.append(lexical) }
                continue
            }
            // Given as it is (no link on the way), or a link into the inputs, which are roots already.
            if real == lexical && !roots.contains(real) && !inputs.contains(realPath: real) { roots.append(real) }
        }
        return InputBoundary(realPaths: roots)
    }

    /// `--strict`: exit 1 when there are warnings (after the report is written).
    func failUnderStrict(warnings: Int) throws {
        guard strict && warnings > 0 else { return }
        standardError("failing: --strict, and the check found \(ReportRenderer.plural(warnings, "warning"))")
        throw ExitCode(1)
    }

    /// The policy file at `policy`, its findings naming it `shownAs`.
    private func readPolicy(_ policy: String, shownAs: String) throws -> PolicyDocument {
        guard let data = FileManager.default.contents(atPath: policy) else {
            throw CommandFailure("cannot read the policy file \(policy) (pass --policy FILE to use another)")
        }
        do {
            return try PolicyFileReader(path: shownAs).readDocument([UInt8](data))
        } catch {
            throw CommandFailure("the policy file can't be used:\n\(error.description)")
        }
    }

    func standardError(_ line: String) {
        Console().errorOutput(line + "\n")
    }
}

extension ReportFormat: ExpressibleByArgument {}
extension PolicyRuleID: ExpressibleByArgument {}

extension CheckCommand {
    /// `--output` may neither replace a scenario file this check reads (`--output a.yaml` put
    /// the JSON report in place of the scenarios and passed) nor add a YAML file to a scenario
    /// folder, where the next check would read the report as a broken scenario file.
    /// `folders` are the real paths of the scenario folders walked (links to folders too).
    static func refuseReport(at output: String, over files: [String], in folders: Set<String>) throws {
        let target = realPathOfReport(output)
        if let input = files.first(where: { (InputBoundary.realPath($0) ?? $0) == target }) {
            throw CommandFailure("refusing to write the report to \(output): it is \(input), a scenario file this check reads; choose another --output")
        }
        guard ScenarioSource.isScenarioFileName(output) else { return }
        let folder = (target as NSString).deletingLastPathComponent
        if folders.contains(where: { folder == $0 || folder.hasPrefix($0 + "/") }) {
            throw CommandFailure(
                "refusing to write the report to \(output): a YAML file there would be read as a scenario file by the next check; write it outside the scenario folders"
            )
        }
    }

    /// The inputs of a check and a build that a report must not replace or land among: the site
    /// configuration, the policy file, and the content, templates and policy folders. (A report
    /// in `content/` is published, or breaks the next build; one named `policy/backup-policy.yaml`
    /// replaced the policy with JSON, exit 0: session 24's CI trial.)
    struct ProjectInputs {
        var content: String
        var policy: String
        var project: HelpCenterProject

        func refuse(_ file: String, option: String, given: String? = nil) throws {
            let target = CheckCommand.realPathOfReport(file)
            let real = { (path: String) in InputBoundary.realPath(path) ?? URL(fileURLWithPath: path).standardizedFileURL.path }
            let shown = given ?? file
            for (path, what) in [(project.path(SiteConfiguration.fileName), "the site configuration"), (policy, "the policy file")]
            where real(path) == target {
                throw CommandFailure("refusing to write \(option) \(shown): it is \(what) (\(path)); choose another path")
            }
            // The project's policy folder, not the policy file's: a policy kept at the project's
            // top made every report under it refused (the review of session 24).
            let folders = [
                (content, "the content folder"), (project.path("templates"), "the templates folder"), (project.path("policy"), "the policy folder"),
            ]
            for (folder, what) in folders where !folder.isEmpty {
                let root = real(folder)
                if target == root || target.hasPrefix(root + "/") {
                    throw CommandFailure("refusing to write \(option) \(shown): it is in \(what) (\(folder)), which the build reads; write it outside")
                }
            }
        }
    }

    /// The real path the report would have: the file's own, or its folder's with its name when
    /// it does not exist yet.
    static func realPathOfReport(_ output: String, links: Int = 0) -> String {
        if let real = InputBoundary.realPath(output) { return real }
        let absolute = URL(fileURLWithPath: output).standardizedFileURL
        // A link to a file not made yet: where the writer will put the report (the review of
        // session 24 wrote content/new.json through one).
        if links < 8, let target = try? FileManager.default.destinationOfSymbolicLink(atPath: absolute.path) {
            let resolved = target.hasPrefix("/") ? target : absolute.deletingLastPathComponent().path + "/" + target
            return realPathOfReport(resolved, links: links + 1)
        }
        // The nearest folder that exists, resolved, and the names below it (`content/new/`
        // reached through a linked project folder passed the check).
        var existing = absolute
        var below: [String] = []
        while existing.path != "/", InputBoundary.realPath(existing.path) == nil {
            below.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        let base = InputBoundary.realPath(existing.path) ?? existing.path
        return ([base == "/" ? "" : base] + below).joined(separator: "/")
    }
}
