import Testing

@testable import BackupPolicy

@Suite("Email address normalisation")
struct EmailAddressNormaliserTests {
    let normaliser = EmailAddressNormaliser()

    @Test(
        "valid addresses compare lower-cased without a +tag",
        arguments: [
            ("jane@example.com", "jane@example.com"),
            ("Jane+2FA@Example.com", "jane@example.com"),
            ("JANE@EXAMPLE.COM", "jane@example.com"),
            ("  jane@example.com\t", "jane@example.com"),
            ("jane.backup@example.org", "jane.backup@example.org"),
            ("jane+a+b@mail.example.co.uk", "jane@mail.example.co.uk"),
            ("j@e.io", "j@e.io"),
        ])
    func valid(input: String, expected: String) {
        #expect(normaliser.normalise(input) == .valid(expected))
    }

    @Test(
        "invalid addresses are refused with the reason",
        arguments: [
            ("janeexample.com", "it has no @"),
            ("jane@@example.com", "it has 2 @ signs, not one"),
            ("@example.com", "the part before the @ is empty"),
            ("jane@localhost", "the domain 'localhost' has no dot"),
            ("jane@example..com", "the domain 'example..com' has an empty label"),
            ("jane@.example.com", "the domain '.example.com' has an empty label"),
            ("jane@example.com.", "the domain 'example.com.' has an empty label"),
            ("jane doe@example.com", "it contains white space"),
            ("jane\u{00A0}doe@example.com", "it contains white space"),
            ("jane@example\u{3000}.com", "it contains white space"),
            ("jane@exa\u{0085}mple.com", "it contains white space"),
            ("jane@x@y.com", "it has 2 @ signs, not one"),
            ("jane@.", "the domain '.' has an empty label"),
            ("", "it is empty"),
            ("   ", "it is empty"),
        ])
    func invalid(input: String, reason: String) {
        #expect(normaliser.normalise(input) == .invalid(reason: reason))
    }

    @Test("length limits count characters: accented local parts at the limit are valid")
    func lengthInCharacters() {
        // 64 characters written as 128 scalars (e + a combining acute accent each).
        let local = String(repeating: "e\u{0301}", count: 64)
        #expect(normaliser.normalise("\(local)@example.com").comparisonForm != nil)
        #expect(
            normaliser.normalise("\(local)e@example.com")
                == .invalid(reason: "the part before the @ is 65 characters long, more than 64"))
    }

    @Test("length limits: 64 characters before the @, 254 in all")
    func lengthLimits() {
        let local64 = String(repeating: "a", count: 64)
        #expect(normaliser.normalise("\(local64)@example.com").comparisonForm != nil)
        #expect(
            normaliser.normalise("\(local64)a@example.com")
                == .invalid(reason: "the part before the @ is 65 characters long, more than 64"))
        let domain = String(repeating: "d", count: 240) + ".com"  // 244 characters
        #expect(normaliser.normalise("abcdefghi@\(domain)").comparisonForm != nil)  // 254
        #expect(
            normaliser.normalise("abcdefghij@\(domain)")
                == .invalid(reason: "it is 255 characters long, more than 254"))
    }

    @Test("two spellings of one inbox are the same for the policy")
    func sameInbox() {
        let contacts = ContactNormaliser()
        #expect(contacts.sameEmail("Jane+2FA@Example.com", "jane@example.com"))
        #expect(!contacts.sameEmail("jane@example.com", "jane@example.org"))
        #expect(!contacts.sameEmail("not an address", "not an address"))
        #expect(contacts.samePhone("+44 (0)7700 900123", "07700900123"))
        #expect(!contacts.samePhone("123", "123"))
    }
}

/// The ASCII fast path gives exactly the general path's answer whenever it answers.
struct EmailAddressFastPathTests {
    let normaliser = EmailAddressNormaliser()

    @Test func theFastPathAgreesWithTheGeneralPath() {
        let parts = ["", " ", "a", "Jane", "jane+2FA", "+tag", "x.y", "@", "@@", ".", "..", "Example.COM", "example", "b\t", "c d"]
        var answered = 0
        for local in parts {
            for middle in ["@", "", "@@", "@x@"] {
                for domain in parts {
                    let typed = local + middle + domain
                    for (lowercasing, droppingTag) in [(true, true), (false, true), (true, false)] {
                        guard let fast = normaliser.normaliseASCII(typed, lowercasing: lowercasing, droppingTag: droppingTag) else { continue }
                        answered += 1
                        #expect(fast == normaliser.normaliseScalars(typed, lowercasing: lowercasing, droppingTag: droppingTag), "\(typed)")
                    }
                }
            }
        }
        #expect(answered > 50)
    }
}
