import BackupPolicy
import HelpCenterCalendar
import HelpCenterDiagnostics

/// One row of the policy matrix: a rule's wording, where it is written, the articles citing
/// it, and the scenarios in which it decides a step or lets the same kind of step through.
public struct RuleCoverage: Sendable {
    public var rule: PolicyRuleID
    public var title: String
    public var sentence: String
    /// When the rule's wording last changed.
    public var changed: CalendarDate?
    /// The rule's entry in the policy file.
    public var location: SourceLocation
    /// In article path order, each article once (a translation is an article of its own).
    public var citingArticles: [ArticleReference]
    /// Scenarios with a checked step that the rule rejects (or asks to re-authenticate), or
    /// whose observed field it produces with the rule firing (banner shown, prompt given).
    public var decidingScenarios: [ScenarioReference]
    /// Scenarios with a checked step of an action the rule is consulted on that the rule let
    /// through: the step is done, or, for a field-producing rule, the rule held back (banner
    /// hidden, no prompt).
    public var allowingScenarios: [ScenarioReference]

    /// How many pages cite the rule: an article and its translations count once.
    public var citingPages: Int { Set(citingArticles.map(\.source)).count }
    /// How many of the citing articles are translations.
    public var citingTranslations: Int { citingArticles.count { $0.language != nil } }

    /// Whether some article cites the rule and some scenario shows it deciding.
    public var isCovered: Bool { !citingArticles.isEmpty && !decidingScenarios.isEmpty }
}

/// An article citing a rule: where it first cites it, and when it was last updated.
public struct ArticleReference: Sendable, Hashable {
    public var article: String
    public var title: String
    public var updated: CalendarDate?
    /// The article's first citation of the rule.
    public var location: SourceLocation
    /// A translation's language key; nil in the default language.
    public var language: String? = nil
    /// The article a translation translates; the article itself otherwise.
    public var source: String
}

/// A scenario in a row of the policy matrix, with the steps that put it there.
public struct ScenarioReference: Sendable, Hashable {
    public var name: String
    /// The scenario's name in its file.
    public var location: SourceLocation
    /// The steps in which the rule decides (or lets the step through).
    public var steps: [SourceLocation]
    /// Whether the scenario agrees with the policy.
    public var passed: Bool
}

/// Coverage of every rule, in precedence order, and the findings it gave.
public struct PolicyCoverage: Sendable {
    public var rules: [RuleCoverage]
    /// Unknown rule ids in citations, stale articles, uncovered rules.
    public var findings: [ScenarioFinding]
    /// Whether the scenarios counted are the whole suite (`SuiteAudit.wholeSuite`); when not,
    /// a rule without a deciding scenario is not a gap, and the human table says so.
    public var wholeSuite = true

    public func coverage(of rule: PolicyRuleID) -> RuleCoverage? {
        rules.first { $0.rule == rule }
    }
}
