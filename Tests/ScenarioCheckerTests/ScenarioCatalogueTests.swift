import Foundation
import HelpCenterDiagnostics
import Testing

@testable import BackupPolicy
@testable import ScenarioChecker

/// Looking scenarios up by name, for articles that embed them as worked examples.
@Suite("Scenario catalogue")
struct ScenarioCatalogueTests {
    let catalogue = ScenarioCatalogue(sources: ProjectSuite.sources)

    @Test("a scenario is found by name with its replayed steps: action, argument, outcome, deciding rule, observed field")
    func lookup() throws {
        let example = try catalogue.example(named: "A backup phone can't be the number that 2FA texts")
        #expect(example.passed && example.findings.isEmpty)
        #expect(example.location.path == "scenarios/distinct-from-account.yaml")
        #expect(example.given.map { "\($0.name): \($0.value)" } == ["email: jane@example.com", "two_factor: {method: text, phone: +447700900123}"])
        #expect(example.steps.count == 3)
        let rejected = example.steps[0]
        #expect(rejected.action == .setUpBackup && rejected.argument == "{phone: 07700 900123}")
        #expect(rejected.outcome == .rejected(.distinctFromAccount) && rejected.rule == .distinctFromAccount)
        #expect(rejected.explanation?.contains("+447700900123") == true && rejected.agrees)
        #expect(example.steps[1].outcome == .done && example.steps[1].rule == nil)
        let banner = example.steps[2]
        #expect(banner.observed.map(\.description) == ["banner: hidden"] && banner.rule == .bannerWhileMissing)
    }

    @Test("an unknown name is an error that suggests close names")
    func notFound() {
        #expect(throws: ScenarioLookupError.notFound(name: "Set up once then change", suggestions: ["Set up once, then change"])) {
            try catalogue.example(named: "Set up once then change")
        }
        #expect(throws: ScenarioLookupError.notFound(name: "zzz", suggestions: [])) {
            try catalogue.example(named: "zzz")
        }
    }

    @Test("a failing scenario is found, and says it fails and at which step")
    func failing() throws {
        let catalogue = ScenarioCatalogue(sources: [Support.fixture("mismatches.yaml")])
        let example = try catalogue.example(named: "Expectations that disagree with the policy")
        #expect(!example.passed)
        #expect(example.steps.map(\.agrees) == [false, false, false, false])
        #expect(example.findings.contains { $0.severity == .error })
    }

    @Test("a name used in two files is an error at the second, and looking it up is ambiguous")
    func duplicateAcrossFiles() throws {
        let scenario = """
            scenarios:
              - name: Same name
                given: {two_factor: {method: app}}
                when:
                  - open_account_management:
                    expect: {banner: shown}
            """
        let sources = [ScenarioSource(path: "a.yaml", text: scenario), ScenarioSource(path: "b.yaml", text: scenario)]
        let report = ScenarioSuiteChecker().check(sources)
        #expect(report.files[0].findings.isEmpty)
        let finding = try #require(report.files[1].findings.first)
        #expect(
            finding.diagnostic.description
                == "b.yaml:2:11: error: duplicate scenario name 'Same name' (first used at a.yaml:2:11); names are unique across the suite, because articles embed scenarios by name"
        )
        #expect(report.hasErrors)
        #expect(throws: ScenarioLookupError.self) {
            try ScenarioCatalogue(sources: sources).example(named: "Same name")
        }
    }

    @Test("the project's scenario names are unique across the suite")
    func projectNamesUnique() {
        #expect(Set(catalogue.names).count == catalogue.names.count)
        #expect(!catalogue.report.hasErrors)
    }

    @Test("the policy matrix gives each rule's wording, date and scenarios with file and line")
    func matrix() throws {
        let matrix = catalogue.policyMatrix(document: ProjectSuite.document)
        let row = try #require(matrix.coverage(of: .setUpOnce))
        #expect(row.title == "Set up once, then change")
        #expect(row.changed?.description == "2026-10-01")
        let scenario = try #require(row.decidingScenarios.first { $0.name == "Set up once, then change" })
        #expect(scenario.location.path == "scenarios/setting-up-and-changing.yaml" && scenario.location.line == 6)
        #expect(!row.allowingScenarios.isEmpty)
    }
}
