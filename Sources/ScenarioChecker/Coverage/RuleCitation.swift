import BackupPolicy
import HelpCenterCalendar
import HelpCenterDiagnostics

/// An article naming a policy rule it explains (in its front matter or with an inline
/// directive), as the site's reader finds it. The checker doesn't read articles: the caller
/// hands it the citations, and the checker reports unknown ids, stale articles and coverage.
public struct RuleCitation: Sendable, Hashable {
    /// The id as the article writes it; it may not be a rule the policy has.
    public var ruleID: String
    /// The article's display path (`content/two-factor-authentication/recovery-keys.md`).
    public var article: String
    /// The article's title.
    public var title: String
    /// The article's `updated` date, when it has one.
    public var updated: CalendarDate?
    /// Where the id is written (the front-matter value or the directive).
    public var location: SourceLocation
    /// For a translation (`article.fr.md`): its language key; nil in the default language.
    public var language: String?
    /// The article a translation translates (its display path); the article itself otherwise.
    /// Coverage counts an article and its translations as one page.
    public var source: String

    public init(
        ruleID: String, article: String, title: String, updated: CalendarDate?, location: SourceLocation, language: String? = nil,
        source: String? = nil
    ) {
        self.ruleID = ruleID
        self.article = article
        self.title = title
        self.updated = updated
        self.location = location
        self.language = language
        self.source = source ?? article
    }

    /// The rule cited, or `nil` when the id is unknown.
    public var rule: PolicyRuleID? { PolicyRuleID(rawValue: ruleID) }
}
