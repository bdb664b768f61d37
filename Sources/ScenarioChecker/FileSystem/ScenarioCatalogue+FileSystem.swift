import BackupPolicy

extension ScenarioCatalogue {
    /// Reads every scenario file under `paths` (default `scenarios`) and replays it.
    /// Throws when a path does not exist; unreadable files become findings.
    public static func load(_ paths: [String] = ["scenarios"], policy: BackupPolicy = BackupPolicy(), limits: ScenarioInputLimits = ScenarioInputLimits()) throws(ScenarioPathError) -> ScenarioCatalogue {
        let files = try ScenarioSource.discover(paths)
        return ScenarioCatalogue(sources: files.map { ScenarioSource.load($0, maximumSize: limits.maximumFileSize) }, policy: policy)
    }
}
