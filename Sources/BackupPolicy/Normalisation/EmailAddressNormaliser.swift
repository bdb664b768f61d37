/// Validates email addresses and gives the form used to compare them: lower-cased, with a
/// `+tag` in the local part dropped (`Jane+2FA@Example.com` reaches `jane@example.com`).
public struct EmailAddressNormaliser: Sendable, Hashable {
    public init() {}

    /// The result of checking one address.
    public enum Result: Sendable, Hashable {
        /// A valid address; the associated value is its comparison form.
        case valid(String)
        /// Not a valid address; `reason` says which requirement it misses.
        case invalid(reason: String)

        public var comparisonForm: String? {
            if case .valid(let form) = self { return form }
            return nil
        }
    }

    public static let maximumLength = 254
    public static let maximumLocalPartLength = 64

    /// Checks `typed` and gives its comparison form. `lowercasing` and `droppingTag` are
    /// always on in the policy; policy variants turn them off.
    public func normalise(_ typed: String, lowercasing: Bool = true, droppingTag: Bool = true) -> Result {
        let address = typed.trimmingSurroundingWhitespace()
        if address.isEmpty { return .invalid(reason: "it is empty") }
        // A string has no more characters than UTF-8 bytes, so short ones skip the count.
        if address.utf8.count > Self.maximumLength, address.count > Self.maximumLength {
            return .invalid(reason: "it is \(address.count) characters long, more than \(Self.maximumLength)")
        }
        if address.unicodeScalars.contains(where: \.properties.isWhitespace) { return .invalid(reason: "it contains white space") }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return .invalid(reason: parts.count == 1 ? "it has no @" : "it has \(parts.count - 1) @ signs, not one")
        }
        let local = parts[0], domain = parts[1]
        if local.isEmpty { return .invalid(reason: "the part before the @ is empty") }
        if local.utf8.count > Self.maximumLocalPartLength, local.count > Self.maximumLocalPartLength {
            return .invalid(reason: "the part before the @ is \(local.count) characters long, more than \(Self.maximumLocalPartLength)")
        }
        guard domain.contains(".") else { return .invalid(reason: "the domain '\(domain)' has no dot") }
        if domain.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            return .invalid(reason: "the domain '\(domain)' has an empty label")
        }
        let untagged = droppingTag ? local.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false)[0] : local
        let form = "\(untagged)@\(domain)"
        return .valid(lowercasing ? form.lowercased() : form)
    }
}

extension String {
    /// The string without leading and trailing white space (spaces, tabs, newlines, NBSP).
    func trimmingSurroundingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
