import Foundation
import ScenarioChecker

extension CheckCommand {
    /// Every rule citation in the articles under `contentFolder`: each id an article names
    /// in its front matter or with an inline directive, with the article's display path,
    /// title, `updated` date and the citation's file:line:col.
    ///
    /// TODO(article side): wire this to the site library's article reader. Until then it
    /// returns no citations, so every rule is reported as having no citing article (a
    /// warning, or an error with --require-coverage).
    func loadRuleCitations(contentFolder: String) -> [RuleCitation] {
        []
    }
}
