import BackupPolicy
import Foundation
import HelpCenterDiagnostics
import HelpCenterPolicyDocs
import ScenarioChecker

extension CheckCommand {
    /// `--report FOLDER`: the team's HTML report, `FOLDER/index.html` (the folder is made
    /// when missing). The diagram takes its words from the vocabulary beside the policy file
    /// (`policy/vocabulary.yaml`), when there is one.
    func writeTeamReport(to folder: String, files: [FileReport], suite: SuiteResult, document: PolicyDocument, policyPath: String) throws {
        let policyFolder = (policyPath as NSString).deletingLastPathComponent
        let vocabularyPath = ((policyFolder.isEmpty ? "." : policyFolder) as NSString).appendingPathComponent("vocabulary.yaml")
        var vocabulary = ProductVocabulary()
        // The diagram's words only: the vocabulary's own problems are the build's to report (a
        // file that is not UTF-8 text leaves the diagram its built-in words).
        var ignored: [Diagnostic] = []
        if let data = FileManager.default.contents(atPath: vocabularyPath),
            let text = SitePolicyLoader.vocabularyText(data, path: vocabularyPath, diagnostics: &ignored)
        {
            vocabulary = ProductVocabulary.parse(text, path: vocabularyPath).0
        }
        let graph = BackupStateGraph(policy: BackupPolicy(parameters: document.wording.parameters))
        let diagram = SitePolicyLoader.stateDiagram(graph, vocabulary: vocabulary)
        let page = CheckReportPage(files: files, suite: suite, wording: document.wording, diagram: diagram).render()
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(page.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("index.html"), options: .atomic)
        } catch {
            throw CommandFailure("cannot write the report to \(folder)/index.html: \(error.localizedDescription)")
        }
    }
}
