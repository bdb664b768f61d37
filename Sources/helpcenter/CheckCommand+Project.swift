import Foundation
import HelpCenterInputFiles
import ScenarioChecker

extension CheckCommand {
    /// The policy file, the articles' folder and the scenario paths: those given, the others
    /// in the project folder (docs/projects.md). The walk for the project starts from the
    /// first scenario path, else --policy, else --content; with --policy and a scenario path
    /// (or --policy and --list-rules) no project is needed.
    /// Standard input (`-`) is not walked; the project is found from `--stdin-name` for it.
    func projectInputs() throws -> (policy: String, content: String, scanned: [String], project: HelpCenterProject) {
        let files = paths.filter { $0 != Self.standardInputPath }
        let located = try project.locate(
            firstPath: files.first ?? stdinName ?? policy ?? content,
            everyInputGiven: policy != nil && (!paths.isEmpty || listRules),
            verbose: verbose, inputsToGive: "--policy FILE and the scenario files or folders to check")
        return (
            policy ?? located.path("policy/backup-policy.yaml"),
            content ?? located.path("content"),
            paths.isEmpty ? [located.path("scenarios")] : files,
            located
        )
    }

    /// How much of the project's suite a check with paths covers, when those paths are only some
    /// of the files of its scenarios folder (`helpcenter check scenarios/recovery.yaml`): the
    /// files checked and the files the folder holds. Nil when the check covers the suite: no
    /// paths given, the folder itself or every file in it, or a path outside it (a suite of its
    /// own, which the check can't tell from part of one).
    func partialSuite(checked files: [String], project located: HelpCenterProject, within boundary: InputBoundary) -> (checked: Int, suite: Int)? {
        guard !paths.isEmpty, let folder = InputBoundary.realPath(located.path("scenarios")) else { return nil }
        let inside = InputBoundary(realPaths: [folder])
        for path in paths {
            guard let real = InputBoundary.realPath(path), real != folder, inside.contains(realPath: real) else { return nil }
        }
        guard let suite = try? ScenarioSource.discover([located.path("scenarios")], within: boundary) else { return nil }
        let suiteFiles = Set(suite.files.compactMap(InputBoundary.realPath))
        let checkedFiles = Set(files.compactMap(InputBoundary.realPath)).intersection(suiteFiles)
        return checkedFiles.count < suiteFiles.count ? (checkedFiles.count, suiteFiles.count) : nil
    }

    /// How the report names a file that opens as `path`. The human format at a terminal: as it
    /// opens from the current folder (an editor opens it from there). The machine formats: from
    /// the repository's top, or the project folder outside one (`HelpCenterProject.reportRoot`,
    /// `reportPath`), so that annotations attach and fingerprints stay the same from any folder
    /// and on any machine (session 22's CI trial: `--project "$PWD"` wrote absolute paths, a
    /// subfolder `../../` ones).
    static func reportPath(format: ReportFormat, project: HelpCenterProject) -> @Sendable (String) -> String {
        guard format != .human else { return { $0 } }
        return machinePath(project: project)
    }

    /// `reportPath` for a machine format (also `build --diagnostics`).
    static func machinePath(project: HelpCenterProject) -> @Sendable (String) -> String {
        let currentFolder = FileManager.default.currentDirectoryPath
        let root = project.reportRoot(currentFolder: currentFolder) { FileManager.default.fileExists(atPath: $0 + "/.git") }
        return { path in
            HelpCenterProject.reportPath(path, from: root, currentFolder: currentFolder) { folder in
                FileManager.default.fileExists(atPath: folder) ? URL(fileURLWithPath: folder).resolvingSymlinksInPath().path : nil
            }
        }
    }
}
