import BackupPolicy
import HelpCenterDiagnostics

/// One thing a step's `expect` asserts, at the position where the file says it.
public struct StepExpectation: Sendable, Hashable {
    public enum Assertion: Sendable, Hashable {
        /// The outcome: `done`, `reauthenticate`, or `rejected` (by a given rule, or by any
        /// rule when `nil`).
        case outcome(ExpectedOutcome)
        /// An observed field; a `nil` value is `none`.
        case field(ObservedFieldName, ObservedValue?)
    }

    public var assertion: Assertion
    public var location: SourceLocation

    public init(_ assertion: Assertion, at location: SourceLocation) {
        self.assertion = assertion
        self.location = location
    }
}

/// The outcome a file expects of a step.
public enum ExpectedOutcome: Sendable, Hashable, CustomStringConvertible {
    case done
    case reauthenticate
    case rejected(PolicyRuleID?)

    public func matches(_ outcome: StepOutcome) -> Bool {
        switch (self, outcome) {
        case (.done, .done), (.reauthenticate, .reauthenticate), (.rejected(nil), .rejected): true
        case (.rejected(let expected?), .rejected(let actual)): expected == actual
        default: false
        }
    }

    public var description: String {
        switch self {
        case .done: "done"
        case .reauthenticate: "reauthenticate"
        case .rejected(nil): "rejected"
        case .rejected(let rule?): "rejected by \(rule.rawValue)"
        }
    }
}
