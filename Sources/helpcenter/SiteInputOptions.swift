import ArgumentParser
import Foundation
import HelpCenterInputFiles
import HelpCenterPolicyDocs
import HelpCenterSite

/// Where a site's inputs are: the options `build` and `serve` share.
struct SiteInputOptions: ParsableArguments {
    @Option(help: "The content folder.")
    var content = "content"

    @Option(help: "The templates folder.")
    var templates = "templates"

    @Option(help: "The site configuration file (used when it exists).")
    var config = SiteConfiguration.fileName

    @Option(help: "The policy's rule wording (used when it exists).")
    var policy = "policy/backup-policy.yaml"

    @Option(help: "The product vocabulary: UI labels and the words of worked examples.")
    var vocabulary = "policy/vocabulary.yaml"

    @Option(help: "The scenario folder, for worked examples and the policy page.")
    var scenarios = "scenarios"

    var policyPaths: SitePolicyLoader.Paths {
        SitePolicyLoader.Paths(wording: policy, vocabulary: vocabulary, scenarios: [scenarios], boundary: boundary)
    }

    /// Every place an input may be read from through a symbolic link: the content and
    /// templates folders, the configuration file, the policy's and vocabulary's folders and
    /// the scenario folder.
    var boundary: InputBoundary {
        InputBoundary([content, templates, config] + SitePolicyLoader.Paths(wording: policy, vocabulary: vocabulary, scenarios: [scenarios]).inputRoots)
    }

    /// What `build --output` must never replace: every input, the repository root (the
    /// folder holding `.git` above the current folder, and the configuration file's folder)
    /// and the home folders.
    var outputGuard: OutputFolderGuard {
        let paths = SitePolicyLoader.Paths(wording: policy, vocabulary: vocabulary, scenarios: [scenarios])
        let inputs = ([content, templates, config] + paths.inputRoots + [policy, vocabulary]).map { URL(fileURLWithPath: $0) }
        var roots = [URL(fileURLWithPath: config).deletingLastPathComponent()]
        if let git = OutputFolderGuard.gitRoot(from: FileManager.default.currentDirectoryPath) { roots.append(git) }
        return OutputFolderGuard(inputs: inputs, repositoryRoots: roots)
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
