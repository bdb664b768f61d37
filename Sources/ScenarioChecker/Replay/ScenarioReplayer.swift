import BackupPolicy
import HelpCenterDiagnostics

/// Replays one scenario through the policy: vets the starting state, applies each step,
/// compares each `expect` with the step's result and each `then` field with the final
/// account, and reports every disagreement with the normalised values involved.
struct ScenarioReplayer {
    let policy: BackupPolicy
    let normaliser: ContactNormaliser

    init(policy: BackupPolicy) {
        self.policy = policy
        self.normaliser = policy.normaliser
    }

    func replay(_ scenario: Scenario) -> ScenarioReport {
        var report = ScenarioReport(
            name: scenario.name, location: scenario.location, tags: scenario.tags,
            rules: scenario.rules, findings: scenario.readFindings, steps: [], given: scenario.given.starting
        )
        defer { report.findings.sort() }
        guard scenario.givenComplete, let start = vet(scenario, into: &report) else { return report }
        var account = start
        report.steps.reserveCapacity(scenario.steps.count)
        var lastChange: [AccountFieldName: ScenarioStep] = [:]
        for step in scenario.steps {
            let result: StepResult
            do throws(InvalidPolicyInput) {
                result = try policy.apply(step.action, to: account)
            } catch {
                report.findings.append(.scenarioError("impossible step: \(error.message)", at: step.location, scenario: scenario.name))
                report.steps.append(ReplayedStep(action: step.action, location: step.location, result: nil, expectations: step.expectations))
                continue
            }
            report.steps.append(ReplayedStep(action: step.action, location: step.location, result: result, expectations: step.expectations))
            report.findings += StepComparison(normaliser: normaliser, step: step, before: account, result: result, scenario: scenario.name).findings()
            for field in account.changedFields(to: result.account, normaliser: normaliser) {
                lastChange[field] = step
            }
            account = result.account
        }
        report.finalAccount = account
        if scenario.stepsComplete {
            report.findings += FinalStateComparison(policy: policy, normaliser: normaliser, scenario: scenario.name)
                .findings(scenario.finalChecks, account: account, lastChange: lastChange)
        }
        return report
    }

    /// The account to replay from, or `nil` after reporting why the starting state can't be.
    private func vet(_ scenario: Scenario, into report: inout ScenarioReport) -> AccountState? {
        let review = policy.start(from: scenario.given.starting)
        let given = scenario.given
        for problem in review.problems {
            let location = problem.field.flatMap { given.fieldLocations[$0] } ?? given.location
            report.findings.append(.scenarioError("impossible starting state: \(problem.message)", at: location, scenario: scenario.name))
        }
        if let violation = review.violation {
            report.findings.append(
                .error(
                    .invalidState,
                    "the starting state (given) breaks the policy, so no step is replayed (\(violation))",
                    at: given.location, rule: violation.rule, scenario: scenario.name
                ))
        }
        return review.account
    }
}
