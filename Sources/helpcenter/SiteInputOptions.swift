import ArgumentParser
import Foundation
import HelpCenterDiagnostics
import HelpCenterInputFiles
import HelpCenterPolicyDocs
import HelpCenterSite
import HelpCenterSiteFiles

/// Where a site's inputs are: the options `build` and `serve` share. Each defaults to its place
/// in the project folder (docs/projects.md); a path given is relative to the current folder.
struct SiteInputOptions: ParsableArguments {
    @OptionGroup var project: ProjectOptions

    @Option(help: ArgumentHelp("The content folder (default: content in the project folder).", valueName: "content"))
    var content: String?

    @Option(help: ArgumentHelp("The templates folder (default: templates in the project folder).", valueName: "templates"))
    var templates: String?

    @Option(help: ArgumentHelp("The site configuration file (default: helpcenter.yaml in the project folder, used when it exists).", valueName: "config"))
    var config: String?

    @Option(
        help: ArgumentHelp("The policy's rule wording (default: policy/backup-policy.yaml in the project folder, used when it exists).", valueName: "policy"))
    var policy: String?

    @Option(
        help: ArgumentHelp(
            "The product vocabulary: UI labels and the words of worked examples (default: policy/vocabulary.yaml in the project folder).",
            valueName: "vocabulary"))
    var vocabulary: String?

    @Option(
        help: ArgumentHelp("The scenario folder, for worked examples and the policy page (default: scenarios in the project folder).", valueName: "scenarios"))
    var scenarios: String?

    /// Every input with its path: given, or the default in the project folder. The walk for
    /// the project starts from the first of --content, --templates, --config, --policy,
    /// --vocabulary, --scenarios given (the content first: a variant configuration kept in a
    /// scratch folder does not move the project); with --content and --templates no project
    /// is needed. `startingFrom` is where the walk starts when no input was given (the file
    /// `render` is given); with `projectOptional`, no project found is not an error (the
    /// project's origin is then `.none`).
    func resolve(verbose: Bool, startingFrom start: String? = nil, projectOptional: Bool = false) throws -> SiteInputs {
        // A default file is used when it exists; a file named on the command line must exist
        // (a misspelt --config would otherwise build with the defaults, silently).
        for (option, path) in [("--config", config), ("--policy", policy), ("--vocabulary", vocabulary)] {
            if let path, !FileManager.default.fileExists(atPath: path) { throw ValidationError("\(option): no such file: \(path)") }
        }
        let given = [content, templates, config, policy, vocabulary, scenarios].compactMap { $0 }
        let project = try project.locate(
            firstPath: given.first ?? start, everyInputGiven: projectOptional || (content != nil && templates != nil), verbose: verbose,
            inputsToGive: "--content and --templates")
        return SiteInputs(
            project: project,
            content: content ?? project.path("content"),
            templates: templates ?? project.path("templates"),
            config: config ?? project.path(SiteConfiguration.fileName),
            policy: policy ?? project.path("policy/backup-policy.yaml"),
            vocabulary: vocabulary ?? project.path("policy/vocabulary.yaml"),
            scenarios: scenarios ?? project.path("scenarios"))
    }
}

/// A site's inputs once the project folder is known: every path spelled from the current
/// folder, as it is opened and as diagnostics print it.
struct SiteInputs {
    var project: HelpCenterProject
    var content: String
    var templates: String
    var config: String
    var policy: String
    var vocabulary: String
    var scenarios: String

    var policyPaths: SitePolicyLoader.Paths {
        SitePolicyLoader.Paths(
            wording: policy, vocabulary: vocabulary, scenarios: [scenarios], boundary: boundary, projectFolder: project.folder)
    }

    /// Every place an input may be read from through a symbolic link: the content and
    /// templates folders, the configuration file, the policy's and vocabulary's folders and
    /// the scenario folder.
    var boundary: InputBoundary {
        InputBoundary([content, templates, config] + SitePolicyLoader.Paths(wording: policy, vocabulary: vocabulary, scenarios: [scenarios]).inputRoots)
    }

    /// What `build --output` must never replace: every input, the project folder, the
    /// repository roots (the folder holding `.git` above the project and above the current
    /// folder, and the configuration file's folder) and the home folders.
    var outputGuard: OutputFolderGuard {
        let paths = SitePolicyLoader.Paths(wording: policy, vocabulary: vocabulary, scenarios: [scenarios])
        let inputs = ([content, templates, config] + paths.inputRoots + [policy, vocabulary]).map { URL(fileURLWithPath: $0) }
        var roots = [URL(fileURLWithPath: config).deletingLastPathComponent(), URL(fileURLWithPath: project.folder)]
        for start in [project.folder, FileManager.default.currentDirectoryPath] {
            if let git = OutputFolderGuard.gitRoot(from: start) { roots.append(git) }
        }
        return OutputFolderGuard(inputs: inputs, repositoryRoots: roots)
    }

    /// `file`'s path in the content folder (`collection/article.md`), or nil when it is not
    /// inside it. Compared as written, from the current folder, `.` and `..` resolved.
    static func contentPath(of file: String, in content: String) -> String? {
        let folder = URL(fileURLWithPath: content).standardizedFileURL.path
        let path = URL(fileURLWithPath: file).standardizedFileURL.path
        guard path.hasPrefix(folder + "/") else { return nil }
        return String(path.dropFirst(folder.count + 1))
    }

    /// What `build` and `render` read before any page: the configuration (its problems printed
    /// by `ConfigurationLoader`), then the policy with its vocabularies in the other languages,
    /// whose problems are printed here and returned for the caller to stop on (each command
    /// words that stop itself). A policy file that cannot be read throws
    /// `SitePolicyLoader.LoadError`.
    func loadSite(options: BuildOptions, console: Console, quiet: Bool) throws -> LoadedSite {
        let (configuration, configurationWarnings) = try ConfigurationLoader.loadPrinting(path: config, console: console, quiet: quiet)
        let (policy, translated, problems) = try SitePolicyLoader.load(
            policyPaths, languageKeys: configuration.languages.translations.map(\.key))
        console.print(problems, quiet: quiet)
        var builder = SiteBuilder(configuration: configuration, content: contentTree, templates: templateTree, options: options, policy: policy)
        builder.translatedPolicies = translated
        return LoadedSite(builder: builder, configurationWarnings: configurationWarnings, policyProblems: problems)
    }

    /// A project's site as `loadSite` read it.
    struct LoadedSite {
        /// The builder, with the configuration, the policy and its translations.
        var builder: SiteBuilder
        /// What was said of `helpcenter.yaml` (already printed).
        var configurationWarnings: [Diagnostic]
        /// What was wrong in the policy, vocabulary or scenarios (already printed).
        var policyProblems: [Diagnostic]

        /// Everything printed while loading (a command's summary counts them with its own).
        var printedDiagnostics: [Diagnostic] { configurationWarnings + policyProblems }
    }

    /// The content folder, read within ``boundary``.
    var contentTree: DirectoryFileTree {
        DirectoryFileTree(root: URL(fileURLWithPath: content), displayName: content, boundary: boundary)
    }

    /// The templates folder, read within ``boundary``.
    var templateTree: DirectoryFileTree {
        DirectoryFileTree(root: URL(fileURLWithPath: templates), displayName: templates, boundary: boundary)
    }
}
