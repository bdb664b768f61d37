import BackupPolicy
import HelpCenterDiagnostics

/// Compares one step's `expect` with what the policy gives for it.
struct StepComparison {
    let normaliser: ContactNormaliser
    let step: ScenarioStep
    let before: AccountState
    let result: StepResult
    let scenario: String

    func findings() -> [ScenarioFinding] {
        var findings: [ScenarioFinding] = []
        var outcomeMatched = true
        for expectation in step.expectations {
            guard case .outcome(let expected) = expectation.assertion, !expected.matches(result.outcome) else { continue }
            outcomeMatched = false
            findings.append(.error(.mismatch, outcomeMessage(expected), at: expectation.location, rule: outcomeRule(expected), scenario: scenario))
        }
        guard outcomeMatched else { return findings }
        for expectation in step.expectations {
            guard case .field(let name, let expected) = expectation.assertion else { continue }
            let actual = result.observed(name)
            guard actual?.value != expected else { continue }
            let expectedText = "\(name.rawValue): \(expected?.rawValue ?? "none")"
            findings.append(
                .error(
                    .mismatch, "expected \(expectedText), but the policy gives \(fieldText(name, actual))",
                    at: expectation.location, rule: actual?.decidedBy ?? result.decision?.rule, scenario: scenario
                ))
        }
        return findings
    }

    /// The rule a mismatched outcome is filed under: the one that decided the step, else the
    /// one the file named.
    private func outcomeRule(_ expected: ExpectedOutcome) -> PolicyRuleID? {
        if let decision = result.decision { return decision.rule }
        if case .rejected(let rule) = expected { return rule }
        return nil
    }

    private func outcomeMessage(_ expected: ExpectedOutcome) -> String {
        let wanted = "expected \(expected)"
        guard let decision = result.decision else {
            return "\(wanted), but the policy allows this step (done; \(changeSummary()))"
        }
        switch (result.outcome, expected) {
        case (.reauthenticate, _):
            return "\(wanted), but the policy asks the person to authenticate again first (\(decision))"
        case (.rejected(let actual), .rejected(let named?)) where actual < named:
            return "\(wanted), but the policy rejects this step by \(actual.rawValue), which comes first (\(decision))"
        case (.rejected(let actual), .rejected(_?)):
            return "\(wanted), but the policy rejects this step by \(actual.rawValue) (\(decision))"
        default:
            return "\(wanted), but the policy rejects this step (\(decision))"
        }
    }

    /// `backup: none → {phone: +447700900999}`, or `nothing changes`.
    private func changeSummary() -> String {
        let changed = before.changedFields(to: result.account, normaliser: normaliser)
        if changed.isEmpty { return "nothing changes" }
        return changed.map {
            "\($0.rawValue): \(before.display($0, normaliser: normaliser)) → \(result.account.display($0, normaliser: normaliser))"
        }.joined(separator: ", ")
    }

    private func fieldText(_ name: ObservedFieldName, _ field: ObservedField?) -> String {
        if let field {
            let reason = field.decidedBy.map { "\($0.rawValue): \(field.explanation)" } ?? field.explanation
            return "\(field) (\(reason))"
        }
        if let decision = result.decision {
            return "\(name.rawValue): none, because it stops this step (\(decision))"
        }
        return "\(name.rawValue): none"
    }
}
