/// How two contacts are compared. The policy always compares normalised values; the other
/// ways exist for policy variants (mutation testing), which check that some scenario
/// notices when a comparison skips part of the normalisation.
public struct ContactComparison: Sendable, Hashable {
    public enum PhoneMatching: Sendable, Hashable {
        /// E.164 forms are equal (the policy).
        case normalised
        /// The numbers as typed (trimmed) are equal.
        case asTyped
    }

    public enum EmailMatching: Sendable, Hashable {
        /// Lower-cased, `+tag` dropped (the policy).
        case normalised
        /// `+tag` dropped, case kept.
        case caseSensitive
        /// Lower-cased, `+tag` kept.
        case keepingTag
    }

    public var phones: PhoneMatching
    public var emails: EmailMatching

    public init(phones: PhoneMatching = .normalised, emails: EmailMatching = .normalised) {
        self.phones = phones
        self.emails = emails
    }

    /// The policy's comparison.
    public static let normalised = ContactComparison()
}
