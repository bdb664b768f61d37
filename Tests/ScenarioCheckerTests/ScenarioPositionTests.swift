import HelpCenterDiagnostics
import Testing

@testable import BackupPolicy
@testable import ScenarioChecker

/// Findings point at the YAML node concerned: the step, the `expect` or the `then` field.
@Suite("Finding positions")
struct ScenarioPositionTests {
    let report = Support.check(fixture: "mismatches.yaml")

    func finding(line: Int) -> ScenarioFinding? {
        report.findings.first { $0.location.line == line }
    }

    @Test(
        "positions are the 1-based line and column of the node concerned",
        arguments: [
            (9, 17, ScenarioFinding.Kind.mismatch, "distinct-from-account" as String?),  // expect: done (the value)
            (11, 18, .mismatch, "one-method"),  // {rejected: …} (the key)
            (13, 18, .mismatch, "banner-while-missing"),  // {banner: …} (the key)
            (15, 18, .mismatch, "set-up-once"),  // the rule the file named
            (17, 7, .mismatch, nil),  // then: backup (the key)
            (18, 7, .mismatch, "banner-while-missing"),  // then: banner
            (22, 5, .invalidState, "one-method"),  // the given key
        ])
    func positions(line: Int, column: Int, kind: ScenarioFinding.Kind, rule: String?) throws {
        let found = try #require(finding(line: line))
        #expect(found.location == SourceLocation(path: "mismatches.yaml", line: line, column: column))
        #expect(found.kind == kind)
        #expect(found.diagnostic.id == rule)
    }

    @Test("a scenario whose expectations hold passes, next to failing ones")
    func agreeingScenarioPasses() {
        #expect(report.scenario("An agreeing scenario next to the others")?.passed == true)
    }

    @Test("every scenario of the file is checked; findings are in source order")
    func allScenarios() {
        #expect(report.scenarios.count == 3)
        #expect(report.findings == report.findings.sorted())
        #expect(report.errors.count == 7)
    }

    @Test("step positions are the action keys")
    func stepPositions() throws {
        let steps = try #require(report.scenario("Expectations that disagree with the policy")).steps
        #expect(steps.map(\.location.line) == [8, 10, 12, 14])
        #expect(steps.allSatisfy { $0.location.column == 9 })
    }
}
