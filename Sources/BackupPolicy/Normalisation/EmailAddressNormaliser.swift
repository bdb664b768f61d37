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
        normaliseASCII(typed, lowercasing: lowercasing, droppingTag: droppingTag)
            ?? normaliseScalars(typed, lowercasing: lowercasing, droppingTag: droppingTag)
    }

    /// The general path, for any text.
    func normaliseScalars(_ typed: String, lowercasing: Bool, droppingTag: Bool) -> Result {
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
        let local = scalars[..<at]
        let domain = scalars[scalars.index(after: at)...]
        if local.isEmpty { return .invalid(reason: "the part before the @ is empty") }
        // No more characters than scalars: short parts skip the count.
        if local.count > Self.maximumLocalPartLength, case let length = String(local).count, length > Self.maximumLocalPartLength {
            return .invalid(reason: "the part before the @ is \(length) characters long, more than \(Self.maximumLocalPartLength)")
        }
        var dots = 0
        var emptyLabel = domain.first == "." || domain.last == "."
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

extension EmailAddressNormaliser {
    /// The common case, a valid address in ASCII, on its bytes: the same answer as the general
    /// path, or `nil` to let the general path answer (non-ASCII text, or any invalid address,
    /// whose reason the general path words). Replaying a suite normalises every address
    /// several times per step, and this path takes the email normaliser from 10% of a check's
    /// instructions to about 3% (callgrind, docs/checker.md).
    func normaliseASCII(_ typed: String, lowercasing: Bool, droppingTag: Bool) -> Result? {
        var bytes = Array(typed.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return nil }
        bytes = Array(bytes[first...last])
        guard bytes.count <= Self.maximumLength, !bytes.contains(where: isSpace),
            let at = bytes.firstIndex(of: UInt8(ascii: "@")), bytes[(at + 1)...].firstIndex(of: UInt8(ascii: "@")) == nil
        else { return nil }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        guard !local.isEmpty, local.count <= Self.maximumLocalPartLength, domain.contains(UInt8(ascii: ".")),
            domain.first != UInt8(ascii: "."), domain.last != UInt8(ascii: "."),
            !zip(domain, domain.dropFirst()).contains(where: { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: ".") })
        else { return nil }
        let untagged = droppingTag ? (local.firstIndex(of: UInt8(ascii: "+")).map { local[..<$0] } ?? local) : local
        var form = Array(untagged)
        form.append(UInt8(ascii: "@"))
        form.append(contentsOf: domain)
        if lowercasing {
            for index in form.indices where (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(form[index]) {
                form[index] += 0x20
            }
        }
        return .valid(String(decoding: form, as: UTF8.self))
    }
}

extension String {
    /// The string without leading and trailing white space (spaces, tabs, newlines, NBSP).
    func trimmingSurroundingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isWhiteSpace }),
            let last = scalars.lastIndex(where: { !$0.isWhiteSpace })
        else { return "" }
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
