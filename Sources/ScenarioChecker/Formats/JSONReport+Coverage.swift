import BackupPolicy
import HelpCenterConcurrency
import HelpCenterDiagnostics

/// The JSON report's `coverage` and `mutations` sections (present when the suite was audited).
extension JSONReport {
    /// One entry per rule, in precedence order: its wording, its entry in the policy file,
    /// the articles citing it and the scenarios deciding and allowing it.
    static func write(_ coverage: PolicyCoverage, to json: inout JSONWriter, emit: (String) -> Void) {
        json.beginArray()
        for row in coverage.rules {
            json.beginObject()
            json.key("allowing")
            write(row.allowingScenarios, to: &json, emit: emit)
            json.key("articles")
            json.beginArray()
            for article in row.citingArticles {
                json.beginObject()
                json.field("article", article.article)
                json.field("column", article.location.column)
                json.field("language", ifPresent: article.language)
                json.field("line", article.location.line)
                json.field("title", article.title)
                if article.language != nil { json.field("translation_of", article.source) }
                json.field("updated", ifPresent: article.updated?.description)
                json.endObject()
            }
            json.endArray()
            json.field("changed", ifPresent: row.changed?.description)
            json.field("column", row.location.column)
            json.key("deciding")
            write(row.decidingScenarios, to: &json, emit: emit)
            json.field("line", row.location.line)
            json.field("path", row.location.path)
            json.field("rule", row.rule.rawValue)
            json.field("sentence", row.sentence)
            json.field("title", row.title)
            json.endObject()
        }
        json.endArray()
    }

    /// One entry per policy variant: whether it survived, and the scenarios that noticed it.
    static func write(_ mutations: [MutationResult], to json: inout JSONWriter, emit: (String) -> Void) {
        json.beginArray()
        for result in mutations {
            json.beginObject()
            json.key("noticed_by")
            write(result.noticedBy, to: &json, emit: emit)
            json.field("rule", result.rule.rawValue)
            json.field("summary", result.summary)
            json.field("survived", result.survived)
            json.field("variant", result.variant)
            json.endObject()
        }
        json.endArray()
    }

    /// A list of scenarios, which can hold most of the suite: written in slices, a few at a
    /// time in parallel, each handed on as it is placed.
    private static func write(_ scenarios: [ScenarioReference], to json: inout JSONWriter, emit: (String) -> Void) {
        json.beginArray()
        let depth = json.openContainers
        let slices = stride(from: 0, to: scenarios.count, by: referencesPerPiece).map {
            scenarios[$0..<min($0 + referencesPerPiece, scenarios.count)]
        }
        for group in stride(from: 0, to: slices.count, by: 4) {
            let pieces = parallelMap(Array(slices[group..<min(group + 4, slices.count)])) { slice in
                var piece = JSONWriter(membersAtDepth: depth)
                for scenario in slice {
                    piece.beginObject()
                    piece.field("line", scenario.location.line)
                    piece.field("name", scenario.name)
                    piece.field("passed", scenario.passed)
                    piece.field("path", scenario.location.path)
                    piece.field("steps", numbers: scenario.steps.map(\.line))
                    piece.endObject()
                }
                return piece.take()
            }
            for piece in pieces {
                json.appendMembers(piece)
                emit(json.take())
            }
        }
        json.endArray()
    }

    /// Scenario references in one piece of the coverage lists.
    static let referencesPerPiece = 1_024
}
