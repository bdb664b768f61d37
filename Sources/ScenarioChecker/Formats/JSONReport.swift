import BackupPolicy
import Foundation

/// The checker's own JSON format (documented in docs/checker.md): a summary, every finding,
/// and every scenario with its replayed steps and the rule that decided each.
struct JSONReport {
    let report: CheckReport

    struct Document: Codable {
        var version = 1
        var summary: Summary
        var findings: [Finding]
        var scenarios: [ScenarioEntry]
        var coverage: [RuleEntry]?
        var mutations: [MutationEntry]?
    }

    struct Summary: Codable {
        var files: Int
        var scenarios: Int
        var passed: Int
        var failed: Int
        var errors: Int
        var warnings: Int
    }

    struct Finding: Codable {
        var path: String
        var line: Int
        var column: Int
        var severity: String
        var kind: String
        var rule: String?
        var scenario: String?
        var message: String
    }

    struct ScenarioEntry: Codable {
        var path: String
        var name: String
        var line: Int
        var passed: Bool
        var tags: [String]
        var rules: [String]
        var steps: [Step]
    }

    struct Step: Codable {
        var line: Int
        var action: String
        var outcome: String
        var decidedBy: [String]

        enum CodingKeys: String, CodingKey {
            case line, action, outcome
            case decidedBy = "decided_by"
        }
    }

    func render() -> String {
        let document = Document(
            summary: Summary(
                files: report.files.count, scenarios: report.scenarioCount,
                passed: report.scenarioCount - report.failedScenarioCount, failed: report.failedScenarioCount,
                errors: report.errorCount, warnings: report.warningCount
            ),
            findings: report.findings.map { finding in
                Finding(
                    path: finding.location.path, line: finding.location.line, column: finding.location.column,
                    severity: finding.severity.rawValue, kind: finding.kind.rawValue, rule: finding.rule?.rawValue,
                    scenario: finding.scenario, message: finding.message
                )
            },
            scenarios: report.files.flatMap { file in
                file.scenarios.map { scenario in
                    ScenarioEntry(
                        path: file.path, name: scenario.name, line: scenario.location.line, passed: scenario.passed,
                        tags: scenario.tags, rules: scenario.rules.map(\.rawValue),
                        steps: scenario.steps.map { step in
                            Step(
                                line: step.location.line, action: step.action.name.rawValue,
                                outcome: step.result?.outcome.word ?? "impossible",
                                decidedBy: step.result?.decidingRules.map(\.rawValue) ?? []
                            )
                        }
                    )
                }
            },
            coverage: report.coverage.map(Self.entries),
            mutations: report.mutations.map(Self.entries)
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
