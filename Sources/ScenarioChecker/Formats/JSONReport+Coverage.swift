import BackupPolicy
import HelpCenterDiagnostics

/// The JSON report's `coverage` and `mutations` sections (present when the suite was audited).
extension JSONReport {
    struct RuleEntry: Codable {
        var rule: String
        var title: String
        var sentence: String
        var changed: String?
        var path: String
        var line: Int
        var column: Int
        var articles: [ArticleEntry]
        var deciding: [ScenarioLink]
        var allowing: [ScenarioLink]
    }

    struct ArticleEntry: Codable {
        var article: String
        var title: String
        var updated: String?
        var line: Int
        var column: Int
    }

    struct ScenarioLink: Codable {
        var name: String
        var path: String
        var line: Int
        var steps: [Int]
        var passed: Bool
    }

    struct MutationEntry: Codable {
        var variant: String
        var rule: String
        var summary: String
        var survived: Bool
        var noticedBy: [ScenarioLink]

        enum CodingKeys: String, CodingKey {
            case variant, rule, summary, survived
            case noticedBy = "noticed_by"
        }
    }

    static func entries(_ coverage: PolicyCoverage) -> [RuleEntry] {
        coverage.rules.map { row in
            RuleEntry(
                rule: row.rule.rawValue, title: row.title, sentence: row.sentence, changed: row.changed?.description,
                path: row.location.path, line: row.location.line, column: row.location.column,
                articles: row.citingArticles.map {
                    ArticleEntry(article: $0.article, title: $0.title, updated: $0.updated?.description, line: $0.location.line, column: $0.location.column)
                },
                deciding: row.decidingScenarios.map(link), allowing: row.allowingScenarios.map(link)
            )
        }
    }

    static func entries(_ mutations: [MutationResult]) -> [MutationEntry] {
        mutations.map {
            MutationEntry(variant: $0.variant, rule: $0.rule.rawValue, summary: $0.summary, survived: $0.survived, noticedBy: $0.noticedBy.map(link))
        }
    }

    static func link(_ scenario: ScenarioReference) -> ScenarioLink {
        ScenarioLink(name: scenario.name, path: scenario.location.path, line: scenario.location.line, steps: scenario.steps.map(\.line), passed: scenario.passed)
    }
}
