import Foundation
import HelpCenterPolicyDocs
import ScenarioChecker

extension CheckCommand {
    /// Every rule citation in the articles under `contentFolder` (front-matter `rules:` and
    /// `[!RULE]` callouts), for the coverage report, the folder named `shownAs` in findings.
    /// No content folder: no citations.
    func loadRuleCitations(contentFolder: String, shownAs: String) throws -> [RuleCitation] {
        guard FileManager.default.fileExists(atPath: contentFolder) else { return [] }
        do {
            return try RuleCitationFinder.citations(inContentFolder: contentFolder, shownAs: shownAs)
        } catch {
            throw CommandFailure("cannot read the articles in \(contentFolder): \(error)")
        }
    }
}
