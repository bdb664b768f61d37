import BackupPolicy
import HelpCenterDiagnostics

/// The scenarios that decide or allow each rule, gathered file by file as a streamed check
/// goes (in the files' order), so that coverage needs no second pass over the suite.
struct CoverageTally: Sendable {
    private(set) var deciding: [PolicyRuleID: [ScenarioReference]] = [:]
    private(set) var allowing: [PolicyRuleID: [ScenarioReference]] = [:]

    /// Adds every scenario of a file (whatever the filter: coverage is of the whole suite).
    mutating func add(_ file: FileReport) {
        for scenario in file.scenarios {
            add(scenario)
        }
    }

    /// Adds another tally's scenarios after this one's (a later file's, tallied in parallel).
    mutating func append(_ other: CoverageTally) {
        // In place: merging with `+` would copy each rule's list once per file.
        for (rule, scenarios) in other.deciding {
            deciding[rule, default: []].append(contentsOf: scenarios)
        }
        for (rule, scenarios) in other.allowing {
            allowing[rule, default: []].append(contentsOf: scenarios)
        }
    }

    /// Walks the scenario's steps once, noting each rule's role in each step.
    private mutating func add(_ scenario: ScenarioReport) {
        var decidingSteps: [(rule: PolicyRuleID, steps: [SourceLocation])] = []
        var allowingSteps: [(rule: PolicyRuleID, steps: [SourceLocation])] = []
        func note(_ rule: PolicyRuleID, _ step: SourceLocation, in list: inout [(rule: PolicyRuleID, steps: [SourceLocation])]) {
            if let index = list.firstIndex(where: { $0.rule == rule }) {
                list[index].steps.append(step)
            } else {
                list.append((rule, [step]))
            }
        }
        for step in scenario.steps {
            for (rule, role) in StepRole.roles(in: step) {
                switch role {
                case .deciding: note(rule, step.location, in: &decidingSteps)
                case .allowing: note(rule, step.location, in: &allowingSteps)
                }
            }
        }
        for (rule, steps) in decidingSteps {
            deciding[rule, default: []].append(ScenarioReference(name: scenario.name, location: scenario.location, steps: steps, passed: scenario.passed))
        }
        for (rule, steps) in allowingSteps {
            allowing[rule, default: []].append(ScenarioReference(name: scenario.name, location: scenario.location, steps: steps, passed: scenario.passed))
        }
    }
}
