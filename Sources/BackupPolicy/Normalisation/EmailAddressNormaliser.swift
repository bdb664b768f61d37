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
        // One pass for the white space and the @ signs.
        let scalars = address.unicodeScalars
        var at: String.UnicodeScalarView.Index?
        var atSigns = 0
        for index in scalars.indices {
            let scalar = scalars[index]
            if scalar.isWhiteSpace { return .invalid(reason: "it contains white space") }
            if scalar == "@" {
                atSigns += 1
                if at == nil { at = index }
            }
        }
        guard atSigns == 1, let at else {
            return .invalid(reason: atSigns == 0 ? "it has no @" : "it has \(atSigns) @ signs, not one")
        }
        let local = scalars[..<at], domain = scalars[scalars.index(after: at)...]
        if local.isEmpty { return .invalid(reason: "the part before the @ is empty") }
        // No more characters than scalars: short parts skip the count.
        if local.count > Self.maximumLocalPartLength, case let length = String(local).count, length > Self.maximumLocalPartLength {
            return .invalid(reason: "the part before the @ is \(length) characters long, more than \(Self.maximumLocalPartLength)")
        }
        var dots = 0, emptyLabel = domain.first == "." || domain.last == "."
        var previous: Unicode.Scalar = "@"
        for scalar in domain {
            if scalar == "." {
                dots += 1
                if previous == "." { emptyLabel = true }
            }
            previous = scalar
        }
        guard dots > 0 else { return .invalid(reason: "the domain '\(String(domain))' has no dot") }
        if emptyLabel { return .invalid(reason: "the domain '\(String(domain))' has an empty label") }
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
        guard let first = scalars.firstIndex(where: { !$0.isWhiteSpace }),
              let last = scalars.lastIndex(where: { !$0.isWhiteSpace }) else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}

extension Unicode.Scalar {
    /// Unicode's White_Space property, with ASCII answered without the property tables
    /// (the normalisers ask for every scalar of every contact they compare).
    var isWhiteSpace: Bool {
        value < 0x80 ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace
    }
}
