import BackupPolicy

/// The human report's coverage table: one rule a line with the number of citing articles,
/// deciding scenarios and allowing scenarios, and what is missing; then the mutation line.
struct CoverageTable {
    let coverage: PolicyCoverage

    func render() -> [String] {
        let width = max(4, PolicyRuleID.allCases.map(\.rawValue.count).max() ?? 0)
        func pad(_ text: String, _ count: Int) -> String { text + String(repeating: " ", count: max(0, count - text.count)) }
        func number(_ value: Int, _ count: Int) -> String { String(repeating: " ", count: max(0, count - String(value).count)) + String(value) }
        let translated = coverage.rules.contains { $0.citingTranslations > 0 }
        // Part of the suite: the scenario columns count the files checked, and a rule they don't
        // show deciding is not marked as missing (the other files may show it).
        let scenarios = coverage.wholeSuite ? "scenarios" : "scenarios of the files checked"
        var lines = [
            translated
                ? "coverage by rule (articles citing it, an article and its translations counted once; \(scenarios) where it decides a step, where it allows one; translations citing it):"
                : "coverage by rule (articles citing it, \(scenarios) where it decides a step, where it allows one):"
        ]
        lines.append("  \(pad("rule", width))  articles  deciding  allowing" + (translated ? "  translations" : ""))
        for row in coverage.rules {
            var missing: [String] = []
            if row.citingArticles.isEmpty { missing.append("no citing article") }
            if row.decidingScenarios.isEmpty && coverage.wholeSuite { missing.append("no deciding scenario") }
            var line =
                "  \(pad(row.rule.rawValue, width))  \(number(row.citingPages, 8))  \(number(row.decidingScenarios.count, 8))  \(number(row.allowingScenarios.count, 8))"
            if translated { line += "  \(number(row.citingTranslations, 12))" }
            if !missing.isEmpty { line += "  (\(missing.joined(separator: ", ")))" }
            lines.append(line)
        }
        return lines
    }

    /// `mutations: 27 policy variants, 27 noticed, 0 survived`.
    static func mutationLine(_ results: [MutationResult]) -> String {
        let survived = results.filter(\.survived).count
        return "mutations: \(ReportRenderer.plural(results.count, "policy variant")), \(results.count - survived) noticed, \(survived) survived"
    }
}
