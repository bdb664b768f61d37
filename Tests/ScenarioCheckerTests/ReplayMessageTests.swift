import Testing

@testable import BackupPolicy
@testable import ScenarioChecker

/// Messages say what the file expected and what the policy gives, with normalised values.
@Suite("Replay messages")
struct ReplayMessageTests {
    let report = Support.check(fixture: "mismatches.yaml")

    func message(line: Int) -> String {
        report.findings.first { $0.location.line == line }?.message ?? ""
    }

    @Test("expected done, rejected by a rule: the rule and the normalised number")
    func rejected() {
        #expect(
            message(line: 9)
                == "expected done, but the policy rejects this step (distinct-from-account: the backup phone +447700900123 is the number 2FA texts)")
    }

    @Test("the wrong rule: the rule that comes first in precedence order")
    func precedence() {
        #expect(message(line: 11).hasPrefix("expected rejected by valid-contact, but the policy rejects this step by one-method, which comes first"))
        #expect(message(line: 11).contains("+447700900999"))
    }

    @Test("expected a rejection, the policy allows it: what the step changed, normalised")
    func allowedInFixture() {
        #expect(
            message(line: 15)
                == "expected rejected by set-up-once, but the policy allows this step (done; backup: none → {email: jane.backup@example.org})")
    }

    @Test("observed fields: the value the policy gives and why")
    func observedField() {
        #expect(
            message(line: 13)
                == "expected banner: hidden, but the policy gives banner: shown (banner-while-missing: a Sage account login with 2FA set up and no backup method)"
        )
    }

    @Test("then fields: normalised values on both sides, and which step set the field")
    func finalState() {
        #expect(
            message(line: 17)
                == "expected backup: {phone: +447700900999} at the end, but the policy gives backup: {email: jane.backup@example.org} (set by set_up_backup at line 14)"
        )
    }

    @Test("a forbidden starting state is reported under its rule and nothing is replayed")
    func invalidState() throws {
        #expect(message(line: 22).contains("one-method: the starting backup has both a phone +447700900999 and an email jane.backup@example.org"))
        #expect(try #require(report.scenario("A starting state the policy forbids")).steps.isEmpty)
    }

    @Test("expected a rejection, but the step goes through: what changed")
    func allowed() {
        let file = Support.check(
            """
            scenarios:
              - name: allowed
                given: {two_factor: {method: app}}
                when:
                  - set_up_backup: {phone: "+44 (0)7700 900999"}
                    expect: {rejected: one-method}
            """)
        #expect(
            file.errors.map(\.message) == [
                "expected rejected by one-method, but the policy allows this step (done; backup: none → {phone: +447700900999})"
            ])
        #expect(file.errors.first?.rule == .oneMethod)
    }

    @Test("reauthenticate expected, or given")
    func reauthenticate() {
        let file = Support.check(
            """
            scenarios:
              - name: stale
                given: {two_factor: {method: app}, session: stale}
                when:
                  - manage_backup:
                    expect: {outcome: done, page: set-up-a-backup-method}
                  - reauthenticate:
                    expect: reauthenticate
            """)
        #expect(
            file.errors.map(\.message) == [
                "expected done, but the policy asks the person to authenticate again first (reauthentication: the session is stale, so the person must sign in and authenticate again first)",
                "expected reauthenticate, but the policy allows this step (done; session: stale → fresh)",
            ])
    }

    @Test("a field expected on a rejected step: none, because the policy stops the step")
    func fieldOnRejectedStep() {
        let file = Support.check(
            """
            scenarios:
              - name: other login
                given: {login: other, two_factor: {method: app}}
                when:
                  - choose_backup_option:
                    expect: {message: no-backup-method}
            """)
        #expect(
            file.errors.first?.message
                == "expected message: no-backup-method, but the policy gives message: none, because it stops this step (sage-account-only: the person signs in with an 'other' login, not a Sage account login)"
        )
    }

    @Test("a step without expect is replayed but not checked; then sees its effect")
    func unchecked() {
        let file = Support.check(
            """
            scenarios:
              - name: unchecked
                given: {two_factor: {method: app}}
                when:
                  - set_up_backup: {email: "Jane.Backup+x@Example.org"}
                then:
                  backup: {email: jane.backup@example.org}
            """)
        #expect(file.findings.isEmpty)
        #expect(file.scenarios.first?.steps.first?.result?.outcome == .done)
    }
}
