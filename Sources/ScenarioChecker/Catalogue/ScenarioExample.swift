import BackupPolicy
import HelpCenterDiagnostics

/// A scenario as an article shows it, a worked example: the starting state, every step
/// replayed through the policy (action, argument, outcome, the rule that decided, the
/// observed fields) and whether the scenario agrees with the policy.
public struct ScenarioExample: Sendable {
    public var name: String
    /// The scenario's name in its file.
    public var location: SourceLocation
    public var tags: [String]
    public var rules: [PolicyRuleID]
    /// The `given` fields the file sets, normalised for display (`email: jane@example.com`).
    public var given: [ExampleField]
    /// The starting state as typed values, for telling it in words.
    public var starting: StartingAccount
    public var steps: [ExampleStep]
    /// Whether the scenario agrees with the policy (no error); the build refuses to embed one
    /// that doesn't.
    public var passed: Bool
    /// The scenario's findings (errors and warnings), in source order.
    public var findings: [ScenarioFinding]
}

/// One account field of an example's starting state.
public struct ExampleField: Sendable, Hashable {
    public var name: String
    public var value: String
}

/// One replayed step of an example.
public struct ExampleStep: Sendable, Hashable {
    public var action: ActionName
    /// The action with its typed argument.
    public var performed: PolicyAction
    /// The account just before the step (what a step's words compare against: "already
    /// your backup"); `nil` when nothing could be replayed before it.
    public var before: AccountState?
    /// The argument as the file writes it (`{phone: 07700 900123}`), `nil` for none.
    public var argument: String?
    /// What the policy gave; `nil` for an impossible step (a scenario error).
    public var outcome: StepOutcome?
    /// The rule that stopped the step, or else the one that produced its observed field.
    public var rule: PolicyRuleID?
    /// Why, with the normalised values involved.
    public var explanation: String?
    /// The observed fields (`banner: shown`), with the rule that decided each.
    public var observed: [ObservedField]
    /// The step's action in the scenario file.
    public var location: SourceLocation
    /// Whether the step's `expect` agrees with the policy (`true` when it has none).
    public var agrees: Bool
}

extension ScenarioExample {
    /// `normaliser` shows the starting state's contacts in their normalised form.
    init(_ report: ScenarioReport, normaliser: ContactNormaliser) {
        let errorLines = Set(report.findings.filter(\.isError).map(\.location.line))
        let starting = report.given
        var given: [ExampleField] = []
        let defaults = AccountState()
        for field in AccountFieldName.allCases where field != .backup {
            let value = starting.account.display(field, normaliser: normaliser)
            if value != defaults.display(field, normaliser: normaliser) {
                given.append(ExampleField(name: field.rawValue, value: value))
            }
        }
        if let backup = starting.backup {
            let parts = [backup.phone.map { "phone: \(normaliser.display(phone: $0))" }, backup.email.map { "email: \(normaliser.display(email: $0))" }]
            given.append(ExampleField(name: AccountFieldName.backup.rawValue, value: "{\(parts.compactMap { $0 }.joined(separator: ", "))}"))
        }
        // The account before each step: the vetted start, then each step's result (an
        // impossible step leaves it as it was).
        var account: AccountState? = report.steps.isEmpty ? nil : Self.startingAccount(starting)
        var steps: [ExampleStep] = []
        for step in report.steps {
            let before = account
            if let after = step.result?.account { account = after }
            steps.append(Self.step(step, before: before, errorLines: errorLines))
        }
        self.init(
            name: report.name, location: report.location, tags: report.tags, rules: report.rules, given: given, starting: starting,
            steps: steps, passed: report.passed, findings: report.findings
        )
    }

    /// The starting account with its single backup method (a `given` naming both is refused
    /// before any step is replayed, so this is only asked when steps were).
    static func startingAccount(_ starting: StartingAccount) -> AccountState {
        var account = starting.account
        account.backup = starting.backup?.singleMethod
        return account
    }

    static func step(_ step: ReplayedStep, before: AccountState?, errorLines: Set<Int>) -> ExampleStep {
        let result = step.result
        let decidingField = result?.observed.first { $0.decidedBy != nil }
        let lines = Set(step.expectations.map(\.location.line)).union([step.location.line])
        return ExampleStep(
            action: step.action.name, performed: step.action, before: before, argument: step.action.argumentText, outcome: result?.outcome,
            rule: result?.decision?.rule ?? decidingField?.decidedBy,
            explanation: result?.decision?.explanation ?? decidingField?.explanation,
            observed: result?.observed ?? [], location: step.location,
            agrees: result != nil && lines.isDisjoint(with: errorLines)
        )
    }
}
