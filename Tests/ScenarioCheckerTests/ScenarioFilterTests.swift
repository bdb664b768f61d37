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
}
