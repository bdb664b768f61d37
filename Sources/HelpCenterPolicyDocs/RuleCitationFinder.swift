import BackupPolicy
import Foundation
import HelpCenterSite
import HelpCenterSiteFiles
import ScenarioChecker

/// Finds every rule citation in the articles of a content folder, for `helpcenter check`'s
/// coverage: front-matter `rules:` and inline `[!RULE]` callouts, each with its position. A
/// translation (`article.fr.md`, recognised as the build does) names its language and source.
public enum RuleCitationFinder {
    /// `shownAs`: how findings name the folder (default: as given).
    public static func citations(inContentFolder folder: String, shownAs: String? = nil) throws -> [RuleCitation] {
        let tree = DirectoryFileTree(root: URL(fileURLWithPath: folder), displayName: shownAs ?? folder)
        var citations: [RuleCitation] = []
        for path in try tree.listFiles() where path.hasSuffix(".md") && !path.hasSuffix("_index.md") && path.split(separator: "/").count == 2 {
            guard let data = try? tree.read(path), let text = String(validating: data, as: UTF8.self),
                let article = ArticleCitations.find(in: text, displayPath: tree.displayPath(path))
            else { continue }
            let translation = ContentEntryKind.translation(path)
            for rule in article.rules {
                citations.append(
                    RuleCitation(
                        ruleID: rule.value, article: tree.displayPath(path), title: article.title, updated: article.updated, location: rule.location,
                        language: translation?.key, source: translation.map { tree.displayPath($0.sourcePath) }))
            }
        }
        return citations
    }
}
