import ArgumentParser
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
        SitePolicyLoader.Paths(wording: policy, vocabulary: vocabulary, scenarios: [scenarios])
    }
}
