import Testing

@testable import BackupPolicy
@testable import ScenarioChecker

/// The paragraphs spec 1.1 clarified, through whole scenario files: values are text whatever
/// their YAML type, a null value is absent, a `given` is reported once, and what is a
/// scenario error rather than a rule violation.
@Suite("Spec 1.1")
struct SpecClarificationTests {
    /// A one-scenario file: `given`, then steps and `then`, indented under the scenario.
    static func file(given: String, body: String = "") -> String {
        "scenarios:\n  - name: s\n    given: \(given)\n" + body
    }

    // MARK: Phone numbers and emails are text whatever their YAML type

    @Test(
        "unquoted values YAML would read as numbers or dates are the text written",
        arguments: [
            // (the value as written in a backup phone, the E.164 it must give, or nil when invalid)
            ("+447700900456", "+447700900456"),
            ("07700900456", "+447700900456"),  // not the octal or decimal number 7700900456
            ("00447700900456", "+447700900456"),  // not the number 447700900456
            ("0044 7700 900456", "+447700900456"),
            ("447700900456", nil),  // no + and no national 0: text, and not a valid number
            ("4.477009e11", nil),
            ("0x1A2B3C4D5E", nil),
            ("2026-01-01", nil),
            (".inf", nil),
            ("true", nil),
        ] as [(String, String?)])
    func phonesAreText(written: String, e164: String?) {
        let expect = e164 == nil ? "{rejected: valid-contact}" : "done"
        let report = Support.check(
            Self.file(
                given: "{two_factor: {method: app}}",
                body: """
                        when:
                          - set_up_backup: {phone: \(written)}
                            expect: \(expect)

                    """))
        #expect(report.errors.isEmpty, "\(report.findings.map(\.message))")
        let backup = report.scenarios.first?.finalAccount?.backup
        if let e164 {
            #expect(backup == .phone(written), "stored as written")
            #expect(ContactNormaliser().e164(written) == e164)
        } else {
            #expect(backup == nil)
        }
    }

    @Test("a value YAML would not read as text is named as written in messages")
    func messagesQuoteTheTextWritten() {
        let report = Support.check(
            Self.file(
                given: "{two_factor: {method: app}}",
                body: """
                        when:
                          - set_up_backup: {phone: 447700900456}
                            expect: done

                    """))
        #expect(
            report.errors.first?.message.contains("the backup phone '447700900456' is not a valid number") == true,
            "\(report.findings.map(\.message))")
    }

    @Test(
        "account identifiers are text too: an unquoted +44… phone and a date-like email",
        arguments: [
            ("{phone: +447700900456, email: jane@example.com}", nil),
            ("{phone: 07700900456}", nil),
            ("{email: 2026-01-01}", "impossible starting state: the account email '2026-01-01' is not a valid address"),
            ("{phone: 447700900456}", "impossible starting state: the account phone '447700900456' is not a valid number"),
        ] as [(String, String?)])
    func accountIdentifiersAreText(given: String, error: String?) {
        let report = Support.check(Self.file(given: given, body: "    then: {session: fresh}\n"))
        if let error {
            #expect(report.errors.map(\.message).contains { $0.hasPrefix(error) }, "\(report.findings.map(\.message))")
            #expect(report.errors.allSatisfy { $0.kind == .scenarioError })
        } else {
            #expect(report.findings.isEmpty, "\(report.findings.map(\.message))")
        }
    }

    // MARK: A null value counts as absent

    @Test("null in given: the field keeps its default", arguments: ["~", "null", "Null", "NULL", ""])
    func nullInGiven(null: String) {
        let report = Support.check(
            """
            scenarios:
              - name: s
                given:
                  login: \(null)
                  email: \(null)
                  phone: \(null)
                  two_factor: \(null)
                  device: \(null)
                  recovery_key: \(null)
                  backup: \(null)
                  session: \(null)
                when:
                  - set_up_2fa: {method: text, phone: "07700 900123"}
                    expect: {prompt: set-up-backup-method}
                  - manage_backup:
                    expect: {outcome: done, page: set-up-a-backup-method}
            """)
        // No warning either: device and recovery_key without 2FA are absent, not given.
        #expect(report.findings.isEmpty, "\(report.findings.map(\.message))")
        #expect(report.scenarios.first?.given == StartingAccount())
    }

    @Test(
        "null in a 2FA method's keys: absent",
        arguments: [
            ("{two_factor: {method: app, phone: ~}}", nil),
            ("{two_factor: {method: text, phone: ~}}", "2FA by text needs a 'phone' (a key with no value counts as absent)"),
            ("{two_factor: {method: ~, phone: '07700 900123'}}", "two_factor needs a 'method' (text, call or app) (a key with no value counts as absent)"),
            ("{backup: {phone: ~, email: b@example.org}}", nil),
            ("{backup: {phone: ~, email: null}}", "the starting backup needs a 'phone' or an 'email' (a key with no value counts as absent)"),
        ] as [(String, String?)])
    func nullInGivenValues(given: String, error: String?) {
        let report = Support.check(Self.file(given: given, body: "    then: {session: fresh}\n"))
        if let error {
            #expect(report.errors.map(\.message) == [error])
        } else {
            #expect(report.findings.isEmpty, "\(report.findings.map(\.message))")
        }
    }

    @Test(
        "null in action arguments: as if the key were not written",
        arguments: [
            ("set_up_backup: {phone: ~, email: b@example.org}", "done", nil),
            ("set_up_backup: {email: b@example.org, phone: null}", "done", nil),
            ("set_up_backup: {phone: '07700 900999', email: }", "done", nil),
            ("set_up_backup: {phone: ~}", "done", "set_up_backup's argument needs a 'phone' or an 'email' (a key with no value counts as absent)"),
            ("set_up_backup: {phone: ~, email: ~}", "done", "set_up_backup's argument needs a 'phone' or an 'email' (a key with no value counts as absent)"),
            ("set_up_backup: ~", "done", "set_up_backup is missing its argument: {phone: N} or {email: E}"),
            ("recover: null", "done", "recover is missing its argument: new-recovery-key or remove-2fa-device"),
        ] as [(String, String, String?)])
    func nullInArguments(step: String, expect: String, error: String?) {
        let report = Support.check(
            Self.file(
                given: "{two_factor: {method: app}}",
                body: """
                        when:
                          - \(step)
                            expect: \(expect)

                    """))
        if let error {
            #expect(report.errors.map(\.message) == [error])
            #expect(report.errors.first?.kind == .scenarioError)
            #expect(report.errors.first?.location.line == 5)
        } else {
            #expect(report.findings.isEmpty, "\(report.findings.map(\.message))")
            #expect(report.scenarios.first?.finalAccount?.backup != nil)
        }
    }

    @Test(
        "null in set_up_2fa's argument",
        arguments: [
            ("{method: app, phone: ~}", nil),
            ("{method: call, phone: null}", "2FA by call needs a 'phone' (a key with no value counts as absent)"),
        ] as [(String, String?)])
    func nullInSetUpTwoFactor(argument: String, error: String?) {
        let report = Support.check(
            Self.file(
                given: "{}",
                body: """
                        when:
                          - set_up_2fa: \(argument)
                            expect: done

                    """))
        #expect(report.errors.map(\.message) == (error.map { [$0] } ?? []))
    }

    @Test("null in then: the field is not checked, with a warning saying so")
    func nullInThen() {
        let report = Support.check(
            Self.file(
                given: "{two_factor: {method: app}}",
                body: """
                        when:
                          - set_up_backup: {email: b@example.org}
                            expect: done
                        then:
                          backup: ~
                          email: null
                          banner:
                          recovery_key: held

                    """))
        #expect(report.errors.isEmpty, "backup is set, but `backup: ~` checks nothing: \(report.findings.map(\.message))")
        #expect(
            report.findings.map(\.message) == [
                "'backup' has no value, so it counts as absent and is not checked; write 'backup: none' to check there is none",
                "'email' has no value, so it counts as absent and is not checked",
                "'banner' has no value, so it counts as absent and is not checked",
            ])
        #expect(report.findings.map(\.location.line) == [8, 9, 10])
        #expect(report.scenarios.first?.passed == true)
    }

    @Test("an unknown then field is still an error, even with no value")
    func unknownNullThenField() {
        let report = Support.check(Self.file(given: "{}", body: "    then: {mood: ~}\n"))
        #expect(report.errors.first?.message.hasPrefix("unknown field 'mood' in the final state (then)") == true)
    }

    // MARK: Given-state validation

    @Test(
        "a given breaking several rules is reported once, under the first in precedence order",
        arguments: [
            ("{login: other, email: jane@example.com, backup: {phone: '1', email: jane@example.com}}", PolicyRuleID.sageAccountOnly),
            ("{email: jane@example.com, backup: {phone: '1', email: jane@example.com}}", .oneMethod),
            ("{email: jane@example.com, two_factor: {method: app}, backup: {phone: '07700 900999', email: JANE@example.com}}", .oneMethod),
            ("{phone: '07700 900999', backup: {phone: '0770'}}", .validContact),
            ("{login: other, phone: '07700 900999', backup: {phone: '+44 7700 900999'}}", .sageAccountOnly),
        ])
    func givenReportedOnce(given: String, rule: PolicyRuleID) throws {
        let report = Support.check(Self.file(given: given, body: "    then: {session: fresh}\n"))
        let finding = try #require(report.errors.first)
        #expect(report.errors.count == 1, "\(report.findings.map(\.message))")
        #expect(finding.kind == .invalidState)
        #expect(finding.rule == rule)
        #expect(finding.location.line == 3)
    }

    @Test(
        "impossible account values in given are scenario errors at their field",
        arguments: [
            ("email: jane", "impossible starting state: the account email 'jane' is not a valid address: it has no @", 4, 7),
            ("phone: '12'", "impossible starting state: the account phone '12' is not a valid number (it normalises to '12')", 4, 7),
            (
                "two_factor: {method: text, phone: '+44 12'}",
                "impossible starting state: the 2FA phone '+44 12' is not a valid number (it normalises to '+4412')", 4, 7
            ),
            ("two_factor: {method: app, phone: '07700 900123'}", "2FA by app has no phone; remove 'phone' or use method text or call", 4, 28),
            ("two_factor: {method: call}", "2FA by call needs a 'phone'", 4, 19),
        ])
    func impossibleGiven(field: String, message: String, line: Int, column: Int) throws {
        let report = Support.check("scenarios:\n  - name: s\n    given:\n      \(field)\n    then: {session: fresh}\n")
        let finding = try #require(report.errors.first)
        #expect(report.errors.count == 1, "\(report.findings.map(\.message))")
        #expect(finding.message == message)
        #expect(finding.kind == .scenarioError)
        #expect(finding.location.line == line)
        #expect(finding.location.column == column)
    }

    @Test(
        "impossible set_up_2fa arguments are scenario errors at the step",
        arguments: [
            ("{method: app, phone: '07700 900123'}", "2FA by app has no phone"),
            ("{method: text}", "2FA by text needs a 'phone'"),
            ("{method: call, phone: '0770'}", "impossible step: the 2FA phone '0770' is not a valid number"),
        ])
    func impossibleSetUpTwoFactor(argument: String, message: String) throws {
        let report = Support.check(
            Self.file(
                given: "{}",
                body: """
                        when:
                          - set_up_2fa: \(argument)
                            expect: done

                    """))
        let finding = try #require(report.errors.first)
        #expect(report.errors.count == 1, "\(report.findings.map(\.message))")
        #expect(finding.message.hasPrefix(message))
        #expect(finding.kind == .scenarioError)
        #expect(finding.location.line == 5)
    }

    // MARK: The action table

    @Test("set_up_2fa while 2FA is set up is a scenario error, and the replay goes on unchanged")
    func setUpTwoFactorTwice() {
        let report = Support.check(
            Self.file(
                given: "{two_factor: {method: app}}",
                body: """
                        when:
                          - set_up_2fa: {method: text, phone: '07700 900123'}
                            expect: done
                        then:
                          two_factor: {method: app}

                    """))
        #expect(
            report.errors.map(\.message) == [
                "impossible step: 2FA is already set up (two_factor: {method: app}); set_up_2fa needs an account without 2FA"
            ])
    }

    @Test("change_backup to the same value again is done and changes nothing")
    func changeBackupToSameValue() {
        let report = Support.check(
            Self.file(
                given: "{two_factor: {method: app}, backup: {phone: '07700 900999'}}",
                body: """
                        when:
                          - change_backup: {phone: '+44 (0)7700 900999'}
                            expect: done
                        then:
                          backup: {phone: '07700 900998'}

                    """))
        #expect(
            report.errors.map(\.message) == [
                "expected backup: {phone: +447700900998} at the end, but the policy gives backup: {phone: +447700900999} (unchanged since the starting state)"
            ])
        #expect(report.scenarios.first?.finalAccount?.backup == .phone("07700 900999"))
    }
}
