import Testing
@testable import BackupPolicy

@Suite("Phone number normalisation")
struct PhoneNumberNormaliserTests {
    let normaliser = PhoneNumberNormaliser()

    @Test("valid numbers normalise to E.164", arguments: [
        ("+447700900123", "+447700900123"),
        ("+44 7700 900123", "+447700900123"),
        ("+44 (0)7700 900123", "+447700900123"),
        ("+44(0)20 7946 0000", "+442079460000"),
        ("0044 (0) 7700 900123", "+447700900123"),
        ("0044 7700 900123", "+447700900123"),
        ("07700 900123", "+447700900123"),
        ("07700-900-123", "+447700900123"),
        ("07700.900.123", "+447700900123"),
        ("(07700) 900123", "+447700900123"),
        ("+44\u{00A0}7700\u{00A0}900123", "+447700900123"),
        ("+44\u{202F}7700 900123", "+447700900123"),
        ("+1 (415) 555-0100", "+14155550100"),
        ("001 415 555 0100", "+14155550100"),
        ("  +33 6 12 34 56 78  ", "+33612345678"),
        ("+491234567", "+491234567"),              // 8 digits after +: the shortest E.164 allowed
        ("+123456789012345", "+123456789012345"),  // 15 digits: the longest
    ])
    func valid(input: String, expected: String) {
        #expect(normaliser.normalise(input) == .valid(expected))
    }

    @Test("invalid numbers are refused, showing what the steps produced", arguments: [
        ("7700 900123", "7700900123"),          // no + and no national 0
        ("+0447700900123", "+0447700900123"),   // country code can't start with 0
        ("000447700900123", "+0447700900123"),
        ("+4412345", "+4412345"),               // 7 digits: too short
        ("+1234567890123456", "+1234567890123456"), // 16 digits: too long
        ("+44 7700 9001 23x", "+447700900123x"),
        ("", ""),
        ("+", "+"),
        ("phone", "phone"),
        ("+44/7700/900123", "+44/7700/900123"),
        ("++447700900123", "++447700900123"),
    ])
    func invalid(input: String, attempt: String) {
        #expect(normaliser.normalise(input) == .invalid(attempt: attempt))
    }

    @Test("a (0) elsewhere than straight after the country code keeps its zero")
    func trunkZeroOnlyAfterCountryCode() {
        // "(0)" after more than a country code is not a trunk prefix: the 0 stays a digit.
        #expect(normaliser.normalise("+44 7700 (0)90012") == .valid("+447700090012"))
        #expect(normaliser.normalise("(0)7700 900123") == .valid("+447700900123"))
    }

    @Test("national format uses the configured calling code", arguments: [
        ("44", "+447700900123"),
        ("33", "+337700900123"),
        ("1", "+17700900123"),
    ])
    func defaultCallingCode(code: String, expected: String) {
        #expect(PhoneNumberNormaliser(defaultCallingCode: code).normalise("07700 900123") == .valid(expected))
    }

    @Test("the default calling code is 44")
    func defaultIs44() {
        #expect(PhoneNumberNormaliser().defaultCallingCode == "44")
        #expect(PolicyParameters().defaultCallingCode == "44")
    }

    @Test("calling codes are one to three digits not starting with 0", arguments: [
        ("44", true), ("1", true), ("353", true), ("0", false), ("4444", false), ("4a", false), ("", false),
    ])
    func callingCodeValidity(code: String, valid: Bool) {
        #expect(PolicyParameters.isValidCallingCode(code) == valid)
    }
}
