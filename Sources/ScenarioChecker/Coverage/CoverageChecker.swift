import BackupPolicy
import HelpCenterDiagnostics
import HelpCenterRuleCitations

/// Relates the policy's rules to the articles that cite them and the scenarios that
/// exercise them. Reports citations of unknown rule ids (errors at the citation), articles
/// older than the wording of a rule they cite (warnings), and rules that no article cites or
/// no scenario shows deciding (errors when coverage is required, warnings otherwise, at the
/// rule's entry in the policy file; the scenario part only when the whole suite is checked).
public struct CoverageChecker: Sendable {
    public var document: PolicyDocument
    public var citations: [RuleCitation]
    /// Whether an uncovered rule is an error (`--require-coverage`) rather than a warning.
    public var requireCoverage: Bool
    /// Whether the scenarios tallied are the whole suite (`SuiteAudit.wholeSuite`): only then is
    /// a rule that no scenario shows deciding reported.
    public var wholeSuite: Bool

    public init(document: PolicyDocument, citations: [RuleCitation], requireCoverage: Bool = false, wholeSuite: Bool = true) {
        self.document = document
        self.citations = citations
        self.requireCoverage = requireCoverage
        self.wholeSuite = wholeSuite
    }

    /// Coverage of every rule over the scenarios of `report`.
    public func check(_ report: CheckReport) -> PolicyCoverage {
        var tally = CoverageTally()
        for file in report.files { tally.add(file) }
        return check(tally)
    }

    /// Coverage of every rule over the scenarios tallied.
    func check(_ tally: CoverageTally) -> PolicyCoverage {
        let sorted = citations.sorted { ($0.article, $0.location) < ($1.article, $1.location) }
        var findings = unknownRules(in: sorted)
        var rows: [RuleCoverage] = []
        for rule in PolicyRuleID.allCases {
            let wording = document.wording.wording(for: rule)
            var row = RuleCoverage(
                rule: rule, title: wording?.title ?? rule.rawValue, sentence: wording?.sentence ?? "",
                changed: wording?.changedDate, location: document.location(of: rule),
                citingArticles: articles(citing: rule, in: sorted), decidingScenarios: [], allowingScenarios: []
            )
            row.decidingScenarios = tally.deciding[rule] ?? []
            row.allowingScenarios = tally.allowing[rule] ?? []
            findings += staleArticles(row)
            findings += uncovered(row)
            rows.append(row)
        }
        return PolicyCoverage(rules: rows, findings: findings.sorted(), wholeSuite: wholeSuite)
    }

    private func articles(citing rule: PolicyRuleID, in citations: [RuleCitation]) -> [ArticleReference] {
        var seen = Set<String>()
        return citations.filter { $0.rule == rule && seen.insert($0.article).inserted }.map {
            ArticleReference(article: $0.article, title: $0.title, updated: $0.updated, location: $0.location, language: $0.language, source: $0.source)
        }
    }

    /// The check of citations shared with the site's build (`HelpCenterRuleCitations`).
    private var citationCheck: RuleCitationCheck {
        RuleCitationCheck(
            rules: PolicyRuleID.allCases.map { .init(id: $0.rawValue, changed: document.wording.wording(for: $0)?.changedDate) },
            policyPath: document.path)
    }

    private func unknownRules(in citations: [RuleCitation]) -> [ScenarioFinding] {
        let check = citationCheck
        return citations.compactMap { citation in
            check.unknownRule(citation.ruleID, at: citation.location).map { ScenarioFinding(.unknownRule, $0) }
        }
    }

    private func staleArticles(_ row: RuleCoverage) -> [ScenarioFinding] {
        let check = citationCheck
        return row.citingArticles.compactMap { article in
            check.staleArticle(citing: row.rule.rawValue, updated: article.updated, at: article.location)
                .map { ScenarioFinding(.staleArticle, $0, subjectRule: row.rule) }
        }
    }

    private func uncovered(_ row: RuleCoverage) -> [ScenarioFinding] {
        let severity: DiagnosticSeverity = requireCoverage ? .error : .warning
        var findings: [ScenarioFinding] = []
        if row.citingArticles.isEmpty {
            findings.append(
                .suite(
                    .uncoveredRule, severity,
                    "no article cites the rule '\(row.rule.rawValue)' (\(row.title)); expected at least one article that explains it",
                    at: row.location, about: row.rule
                ))
        }
        if wholeSuite && row.decidingScenarios.isEmpty {
            let what = row.rule.observedField.map { "produces its \($0.rawValue) field" } ?? "rejects"
            findings.append(
                .suite(
                    .uncoveredRule, severity,
                    "no scenario shows the rule '\(row.rule.rawValue)' deciding a step; expected a step with an 'expect' that it \(what)",
                    at: row.location, about: row.rule
                ))
        }
        return findings
    }
}

/// How a rule took part in one replayed step, if it did.
enum StepRole {
    /// The rule stopped the step, or produced its observed field firing.
    case deciding
    /// The rule was consulted and let the step through (or held its field back).
    case allowing

    /// Every rule with a role in the step, in precedence order: the same answer as asking
    /// `init(of:in:)` for each rule, without asking the rules that can't have one.
    static func roles(in step: ReplayedStep) -> [(rule: PolicyRuleID, role: StepRole)] {
        guard let result = step.result, !step.expectations.isEmpty else { return [] }
        var candidates = [Bool](repeating: false, count: PolicyRuleID.allCases.count)
        for field in result.observed {
            if let rule = field.decidedBy { candidates[rule.precedence] = true }
        }
        if let decision = result.decision { candidates[decision.rule.precedence] = true }
        if result.outcome == .done {
            for rule in stoppingRules[step.action.name] ?? [] { candidates[rule.precedence] = true }
        }
        return PolicyRuleID.allCases.compactMap { rule in
            guard candidates[rule.precedence] else { return nil }
            return StepRole(of: rule, in: step).map { (rule, $0) }
        }
    }

    /// For each action, the rules consulted on it that stop steps (rather than produce a field).
    private static let stoppingRules: [ActionName: [PolicyRuleID]] = Dictionary(
        grouping: PolicyRuleID.allCases.filter { $0.observedField == nil }.flatMap { rule in rule.actions.map { ($0, rule) } },
        by: \.0
    ).mapValues { $0.map(\.1) }

    /// Only steps with an `expect` count: a step that checks nothing documents nothing.
    init?(of rule: PolicyRuleID, in step: ReplayedStep) {
        guard let result = step.result, !step.expectations.isEmpty else { return nil }
        if result.decision?.rule == rule {
            self = .deciding
        } else if let field = result.observed.first(where: { $0.decidedBy == rule }) {
            self = field.ruleFired ? .deciding : .allowing
        } else if result.outcome == .done, rule.observedField == nil, rule.actions.contains(step.action.name) {
            self = .allowing
        } else {
            return nil
        }
    }
}
