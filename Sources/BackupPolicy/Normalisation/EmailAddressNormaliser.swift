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
    /// always on in the policy; policy variants turn them off. Works on Unicode scalars
    /// (`@`, `.` and `+` are single scalars); characters are counted only for the length
    /// limits, and only when the UTF-8 length could exceed them.
    public func normalise(_ typed: String, lowercasing: Bool = true, droppingTag: Bool = true) -> Result {
        let address = typed.trimmingSurroundingWhitespace()
        if address.isEmpty { return .invalid(reason: "it is empty") }
        // A string has no more characters than UTF-8 bytes, so short ones skip the count.
        if address.utf8.count > Self.maximumLength, address.count > Self.maximumLength {
            return .invalid(reason: "it is \(address.count) characters long, more than \(Self.maximumLength)")
        }
        let scalars = address.unicodeScalars
        if scalars.contains(where: \.properties.isWhitespace) { return .invalid(reason: "it contains white space") }
        let parts = scalars.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return .invalid(reason: parts.count == 1 ? "it has no @" : "it has \(parts.count - 1) @ signs, not one")
        }
        let local = parts[0], domain = parts[1]
        if local.isEmpty { return .invalid(reason: "the part before the @ is empty") }
        // No more characters than scalars: short parts skip the count.
        if local.count > Self.maximumLocalPartLength, case let length = String(local).count, length > Self.maximumLocalPartLength {
            return .invalid(reason: "the part before the @ is \(length) characters long, more than \(Self.maximumLocalPartLength)")
        }
        guard domain.contains(".") else { return .invalid(reason: "the domain '\(String(domain))' has no dot") }
        if domain.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            return .invalid(reason: "the domain '\(String(domain))' has an empty label")
        }
        let untagged = droppingTag ? (local.firstIndex(of: "+").map { local[..<$0] } ?? local) : local
        var form = String.UnicodeScalarView()
        form.append(contentsOf: untagged)
        form.append("@")
        form.append(contentsOf: domain)
        return .valid(lowercasing ? String(form).lowercased() : String(form))
    }
}

extension String {
    /// The string without leading and trailing white space (spaces, tabs, newlines, NBSP).
    func trimmingSurroundingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}
