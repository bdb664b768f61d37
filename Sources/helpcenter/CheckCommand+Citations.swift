import Foundation
import HelpCenterPolicyDocs
import ScenarioChecker

extension CheckCommand {
    /// Every rule citation in the articles under `contentFolder` (front-matter `rules:` and
    /// `[!RULE]` callouts), for the coverage report. No content folder: no citations.
    func loadRuleCitations(contentFolder: String) throws -> [RuleCitation] {
        guard FileManager.default.fileExists(atPath: contentFolder) else { return [] }
        do {
            return try RuleCitationFinder.citations(inContentFolder: contentFolder)
        } catch {
            throw CommandFailure("cannot read the articles in \(contentFolder): \(error)")
        }
    }
}
