import HelpCenterInputFiles

extension CheckCommand {
    /// The policy file, the articles' folder and the scenario paths: those given, the others
    /// in the project folder (docs/projects.md). The walk for the project starts from the
    /// first scenario path, else --policy, else --content; with --policy and a scenario path
    /// (or --policy and --list-rules) no project is needed.
    func projectInputs() throws -> (policy: String, content: String, scanned: [String]) {
        let located = try project.locate(
            firstPath: paths.first ?? policy ?? content,
            everyInputGiven: policy != nil && (!paths.isEmpty || listRules),
            verbose: verbose, inputsToGive: "--policy FILE and the scenario files or folders to check")
        return (
            policy ?? located.path("policy/backup-policy.yaml"),
            content ?? located.path("content"),
            paths.isEmpty ? [located.path("scenarios")] : paths
        )
    }
}
