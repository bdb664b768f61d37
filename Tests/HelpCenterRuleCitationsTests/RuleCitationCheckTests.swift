import HelpCenterCalendar
import HelpCenterDiagnostics
import HelpCenterRuleCitations
import Testing

@Suite("Rule citations")
struct RuleCitationCheckTests {
    static let check = RuleCitationCheck(
        rules: [
            .init(id: "one-method", changed: CalendarDate(year: 2026, month: 10, day: 1)),
            .init(id: "backup-required", changed: nil),
            .init(id: "distinct-from-account", changed: CalendarDate(year: 2026, month: 11, day: 15)),
        ],
        policyPath: "policy/backup-policy.yaml")
    static let here = SourceLocation(path: "content/a/b.md", line: 6, column: 9)

    @Test(
        "an unknown id is an error at the citation: a close id is suggested, otherwise the rules are listed",
        arguments: [
            ("one-methd", "the article cites the rule 'one-methd', which policy/backup-policy.yaml doesn't have; did you mean 'one-method'?"),
            ("Backup-Requird", "the article cites the rule 'Backup-Requird', which policy/backup-policy.yaml doesn't have; did you mean 'backup-required'?"),
            (
                "qqqq",
                "the article cites the rule 'qqqq', which policy/backup-policy.yaml doesn't have; its rules are: one-method, backup-required, distinct-from-account"
            ),
        ])
    func unknown(id: String, message: String) {
        #expect(Self.check.unknownRule(id, at: Self.here)?.description == "content/a/b.md:6:9: error: \(message) [unknown-rule]")
    }

    @Test("a known id is fine")
    func known() {
        #expect(Self.check.unknownRule("backup-required", at: Self.here) == nil)
    }

    @Test("without policy data every citation is an error")
    func noPolicy() {
        let check = RuleCitationCheck(rules: nil, policyPath: "policy/backup-policy.yaml")
        #expect(
            check.unknownRule("one-method", at: Self.here)?.description
                == "content/a/b.md:6:9: error: the article cites the rule 'one-method', but this project has no policy data (policy/backup-policy.yaml) [unknown-rule]"
        )
    }

    @Test("an article updated before a cited rule's wording changed is warned; on or after the day, or undated, it is not")
    func stale() {
        let september = CalendarDate(year: 2026, month: 9, day: 21)
        #expect(
            Self.check.staleArticle(citing: "one-method", updated: september, at: Self.here)?.description
                == "content/a/b.md:6:9: warning: the article may be out of date: it was last updated on 2026-09-21, but the wording of the rule 'one-method' it cites changed on 2026-10-01; check it, then update 'updated' [stale-article]"
        )
        #expect(Self.check.staleArticle(citing: "one-method", updated: CalendarDate(year: 2026, month: 10, day: 1), at: Self.here) == nil)
        #expect(Self.check.staleArticle(citing: "one-method", updated: nil, at: Self.here) == nil)
        #expect(Self.check.staleArticle(citing: "backup-required", updated: september, at: Self.here) == nil)
        #expect(Self.check.staleArticle(citing: "no-such-rule", updated: september, at: Self.here) == nil)
    }
}
