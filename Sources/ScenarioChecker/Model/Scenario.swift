import BackupPolicy
import HelpCenterDiagnostics

/// One scenario read from a file: a starting state, steps with expectations, and checks
/// on the final state, each with the source location it came from.
public struct Scenario: Sendable {
    /// The scenario's name; unnamed scenarios get a placeholder naming their line.
    public var name: String
    /// Where the scenario starts (its list item).
    public var location: SourceLocation
    /// The rules the scenario says it illustrates.
    public var rules: [PolicyRuleID]
    public var tags: [String]
    public var given: ScenarioGiven
    public var steps: [ScenarioStep]
    public var finalChecks: [FinalStateCheck]
    /// Whether every step could be read. When not, steps are replayed up to the first
    /// unreadable one and `then:` is not checked.
    public var stepsComplete: Bool
    /// Whether the starting state could be read; when not, nothing is replayed.
    public var givenComplete: Bool
    /// Scenario errors and warnings found while reading this scenario.
    public var readFindings: [ScenarioFinding] = []

    public init(
        name: String, location: SourceLocation, rules: [PolicyRuleID] = [], tags: [String] = [],
        given: ScenarioGiven, steps: [ScenarioStep] = [], finalChecks: [FinalStateCheck] = [],
        stepsComplete: Bool = true, givenComplete: Bool = true
    ) {
        self.name = name
        self.location = location
        self.rules = rules
        self.tags = tags
        self.given = given
        self.steps = steps
        self.finalChecks = finalChecks
        self.stepsComplete = stepsComplete
        self.givenComplete = givenComplete
    }

    /// Whether the scenario asserts anything (an `expect` on some step, or a `then`).
    public var checksSomething: Bool {
        !finalChecks.isEmpty || steps.contains { !$0.expectations.isEmpty }
    }
}

/// A scenario's starting state, where it was written, and where each field was.
public struct ScenarioGiven: Sendable {
    public var starting: StartingAccount
    /// The `given` key (or the scenario, when there is no `given`).
    public var location: SourceLocation
    public var fieldLocations: [AccountFieldName: SourceLocation]

    public init(starting: StartingAccount = StartingAccount(), location: SourceLocation, fieldLocations: [AccountFieldName: SourceLocation] = [:]) {
        self.starting = starting
        self.location = location
        self.fieldLocations = fieldLocations
    }
}

/// One `when:` step: an action, where it was written, and what the file expects of it.
public struct ScenarioStep: Sendable {
    public var action: PolicyAction
    /// The action key's position.
    public var location: SourceLocation
    public var expectations: [StepExpectation]

    public init(action: PolicyAction, location: SourceLocation, expectations: [StepExpectation] = []) {
        self.action = action
        self.location = location
        self.expectations = expectations
    }
}
