import HelpCenterSite
import Testing

/// The policy page names each scenario by its path in the project, whichever folder the build
/// ran from (docs/projects.md): a site built from a subfolder is byte-identical.
@Suite struct SitePolicyPublishedPathTests {
    @Test(arguments: [
        (".", "scenarios/recovery.yaml", "scenarios/recovery.yaml"),
        ("../..", "../../scenarios/recovery.yaml", "scenarios/recovery.yaml"),
        ("../site/", "../site/scenarios/recovery.yaml", "scenarios/recovery.yaml"),
        ("/work/site", "/work/site/scenarios/recovery.yaml", "scenarios/recovery.yaml"),
        ("../..", "/elsewhere/suite.yaml", "/elsewhere/suite.yaml"),  // typed outside the project: as typed
        ("../site", "../sites/other.yaml", "../sites/other.yaml"),  // a prefix of a name is not a folder
    ])
    func scenarioPathsArePublishedRelativeToTheProject(project: String, path: String, published: String) {
        let policy = SitePolicy(
            rules: [], examples: [:], labels: [], diagram: .init(states: [], transitions: []),
            wordingPath: "policy/backup-policy.yaml", projectFolder: project)
        #expect(policy.publishedPath(path) == published)
    }
}
