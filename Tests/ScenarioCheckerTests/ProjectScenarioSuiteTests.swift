import Foundation
import Testing

@testable import BackupPolicy
@testable import ScenarioChecker

/// The project's own `scenarios/` suite documents the policy: it passes, and every rule
/// decides a step somewhere in it and is cited by a scenario.
@Suite("The project's scenarios")
struct ProjectScenarioSuiteTests {
    let report: CheckReport = {
        let folder = Support.projectRoot.appendingPathComponent("scenarios").path
        let files = (try? ScenarioSource.discover([folder]).files) ?? []
        return ScenarioSuiteChecker().check(files.map { ScenarioSource.load($0, maximumSize: 1 << 20) })
    }()

    @Test("the suite passes without errors or warnings")
    func passes() {
        #expect(report.files.count >= 5)
        #expect(report.findings.isEmpty, "\(report.findings.map(\.diagnostic.description))")
    }

    @Test("every rule decides some step and is cited by some scenario", arguments: PolicyRuleID.allCases)
    func coverage(rule: PolicyRuleID) {
        let scenarios = report.files.flatMap(\.scenarios)
        #expect(scenarios.contains { $0.decidingRules.contains(rule) })
        #expect(scenarios.contains { $0.rules.contains(rule) })
    }

    @Test("every action appears in the suite", arguments: ActionName.allCases)
    func actions(action: ActionName) {
        #expect(report.files.flatMap(\.scenarios).flatMap(\.steps).contains { $0.action.name == action })
    }
}
