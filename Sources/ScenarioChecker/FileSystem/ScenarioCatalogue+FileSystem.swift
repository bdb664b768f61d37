import BackupPolicy
import HelpCenterInputFiles

extension ScenarioCatalogue {
    /// Reads every scenario file under `paths` (default `scenarios`) and replays it.
    /// Throws when a path does not exist; unreadable files (and links leading outside
    /// `boundary`, by default the paths themselves) become findings.
    public static func load(
        _ paths: [String] = ["scenarios"], policy: BackupPolicy = BackupPolicy(), limits: ScenarioInputLimits = ScenarioInputLimits(),
        within boundary: InputBoundary? = nil
    ) throws(ScenarioPathError) -> ScenarioCatalogue {
        let boundary = boundary ?? InputBoundary(paths)
        let sources = try ScenarioSource.discover(paths, within: boundary).sources(maximumSize: limits.maximumFileSize, within: boundary)
        return ScenarioCatalogue(sources: sources, policy: policy)
    }
}
