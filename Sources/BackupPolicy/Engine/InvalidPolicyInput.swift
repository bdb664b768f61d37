/// A step or starting state that the policy cannot even judge, because it describes
/// something impossible (2FA set up twice, a lost device without 2FA, a malformed account
/// phone). Scenario files report these as scenario errors, not as policy verdicts.
public struct InvalidPolicyInput: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// The starting-state field at fault, when the problem is in one.
    public var field: AccountFieldName?

    public init(_ message: String, field: AccountFieldName? = nil) {
        self.message = message
        self.field = field
    }

    public var description: String { message }
}
