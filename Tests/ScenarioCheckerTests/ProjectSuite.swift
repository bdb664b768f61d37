import Foundation
import HelpCenterCalendar
import HelpCenterDiagnostics

@testable import BackupPolicy
@testable import ScenarioChecker

/// The project's own policy file and scenario suite, read once for the audit tests.
enum ProjectSuite {
    static let policyPath = "policy/backup-policy.yaml"

    static let document: PolicyDocument = {
        let url = Support.projectRoot.appendingPathComponent(policyPath)
        let bytes = (try? Data(contentsOf: url)).map { [UInt8]($0) } ?? []
        return (try? PolicyFileReader(path: policyPath).readDocument(bytes))
            ?? PolicyDocument(path: policyPath, wording: PolicyWording(rules: [], parameters: PolicyParameters()))
    }()

    /// The scenario files, with paths relative to the project (`scenarios/recovery.yaml`).
    static let sources: [ScenarioSource] = {
        let root = Support.projectRoot.path
        let files = (try? ScenarioSource.discover([root + "/scenarios"]).files) ?? []
        return files.map { file in
            var source = ScenarioSource.load(file, maximumSize: 1 << 20)
            source.path = String(file.dropFirst(root.count + 1))
            return source
        }
    }()

    /// The line of `- id: RULE` in the project's policy file, found by text search (so that
    /// tests of positions don't break when the file gains a comment).
    static func line(of rule: PolicyRuleID) -> Int {
        let url = Support.projectRoot.appendingPathComponent(policyPath)
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.firstIndex { $0 == "  - id: \(rule.rawValue)" } ?? -1) + 1
    }

    /// A citation of `rule` by an article.
    static func citation(_ rule: String, article: String = "content/a.md", updated: String? = "2026-12-01", line: Int = 3) -> RuleCitation {
        RuleCitation(
            ruleID: rule, article: article, title: "An article", updated: updated.flatMap(CalendarDate.init(parsing:)),
            location: SourceLocation(path: article, line: line, column: 8)
        )
    }

    /// Every rule cited once by an up-to-date article.
    static var fullCitations: [RuleCitation] {
        PolicyRuleID.allCases.enumerated().map { citation($1.rawValue, line: $0 + 2) }
    }
}
