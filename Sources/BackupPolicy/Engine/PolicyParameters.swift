/// The policy's parameters, which live in the policy data file next to the wording.
public struct PolicyParameters: Sendable, Hashable {
    /// The country calling code for numbers written in national format (digits only).
    public var defaultCallingCode: String

    public init(defaultCallingCode: String = "44") {
        self.defaultCallingCode = defaultCallingCode
    }

    /// Whether `code` can be a country calling code: one to three digits, not starting with 0.
    public static func isValidCallingCode(_ code: String) -> Bool {
        (1...3).contains(code.count) && code.allSatisfy { $0.isASCII && $0.isNumber } && !code.hasPrefix("0")
    }
}
