import Testing

@testable import BackupPolicy

/// The comparisons policy variants use instead of the normalised one.
@Suite("Contact comparisons")
struct ContactComparisonTests {
    @Test(
        "phones",
        arguments: [
            (ContactComparison.PhoneMatching.normalised, "+44 7700 900123", "07700 900123", true),
            (.asTyped, "+44 7700 900123", "07700 900123", false),
            (.asTyped, " 07700 900123 ", "07700 900123", true),
            (.asTyped, "123", "123", false),
        ])
    func phones(matching: ContactComparison.PhoneMatching, lhs: String, rhs: String, same: Bool) {
        #expect(ContactNormaliser(comparison: ContactComparison(phones: matching)).samePhone(lhs, rhs) == same)
    }

    @Test(
        "emails",
        arguments: [
            (ContactComparison.EmailMatching.normalised, "Jane+2FA@Example.com", "jane@example.com", true),
            (.caseSensitive, "Jane+2FA@Example.com", "jane@example.com", false),
            (.caseSensitive, "jane+2FA@example.com", "jane@example.com", true),
            (.keepingTag, "Jane+2FA@Example.com", "jane@example.com", false),
            (.keepingTag, "Jane@Example.com", "jane@example.com", true),
        ])
    func emails(matching: ContactComparison.EmailMatching, lhs: String, rhs: String, same: Bool) {
        #expect(ContactNormaliser(comparison: ContactComparison(emails: matching)).sameEmail(lhs, rhs) == same)
    }
}
