import Testing

@testable import BackupPolicy
@testable import ScenarioChecker

@Suite("Scenario filters")
struct ScenarioFilterTests {
    static let suite = """
        scenarios:
          - name: Banner shows
            tags: [banner, smoke]
            given: {two_factor: {method: app}}
            when:
              - open_account_management:
                expect: {banner: shown}
          - name: One method only
            tags: [set-up]
            given: {two_factor: {method: app}}
            when:
              - set_up_backup: {phone: "07700 900999", email: b@example.org}
                expect: {rejected: one-method}
          - name: Cites a rule it never exercises
            rules: [recovery-key-first]
            given: {two_factor: {method: app}}
            when:
              - manage_backup:
                expect: done
        """

    @Test(
        "filters select scenarios by tag, rule (cited or deciding) and name",
        arguments: [
            (ScenarioFilter(), ["Banner shows", "One method only", "Cites a rule it never exercises"]),
            (ScenarioFilter(tags: ["smoke"]), ["Banner shows"]),
            (ScenarioFilter(tags: ["smoke", "set-up"]), ["Banner shows", "One method only"]),
            (ScenarioFilter(rules: [.oneMethod]), ["One method only"]),
            (ScenarioFilter(rules: [.bannerWhileMissing]), ["Banner shows"]),
            (ScenarioFilter(rules: [.recoveryKeyFirst]), ["Cites a rule it never exercises"]),
            (ScenarioFilter(names: ["METHOD"]), ["One method only"]),
            (ScenarioFilter(tags: ["smoke"], names: ["method"]), []),
        ])
    func selects(filter: ScenarioFilter, names: [String]) {
        #expect(Support.check(Self.suite, filter: filter).scenarios.map(\.name) == names)
    }

    @Test("problems with the file as a whole are reported whatever the filter")
    func fileErrorsAlwaysShown() {
        let report = Support.check("scenarios: {", filter: ScenarioFilter(tags: ["none"]))
        #expect(report.errors.count == 1)
    }

    /// A scenario that cannot be read whole may be one the filter was meant to select: its
    /// tags written as text instead of a list hid its failure from `--tag smoke`, which passed.
    @Test("a scenario with a scenario error is reported whatever the filter")
    func unreadableScenariosAlwaysShown() {
        let text = """
            scenarios:
              - name: Tags as text
                tags: smoke
                given: {two_factor: {method: app}}
                when:
                  - open_account_management:
                    expect: {banner: hidden}
            """
        let report = Support.check(text, filter: ScenarioFilter(tags: ["smoke"]))
        #expect(report.scenarios.map(\.name) == ["Tags as text"])
        #expect(report.errors.contains { $0.message.contains("expected the scenario's tags (a list), found 'smoke'") }, "\(report.errors.map(\.message))")
        // A warning is no reason to keep a scenario the filter leaves out.
        let warned = "scenarios:\n  - name: Checks nothing\n    tags: [other]\n    given: {two_factor: {method: app}}\n"
        let filtered = Support.check(warned, filter: ScenarioFilter(tags: ["smoke"]))
        #expect(filtered.scenarios.isEmpty)
        #expect(Support.check(warned).findings.contains { $0.severity == .warning && $0.kind == .scenarioError })
        // Readable scenarios that do not match are still left out.
        #expect(
            Support.check(Self.suite + "\n" + text.dropFirst("scenarios:\n".count), filter: ScenarioFilter(tags: ["set-up"])).scenarios.map(\.name) == [
                "One method only", "Tags as text",
            ])
    }
}
