import Testing

@testable import BackupPolicy

@Suite("Phone number normalisation")
struct PhoneNumberNormaliserTests {
    let normaliser = PhoneNumberNormaliser()

    @Test(
        "valid numbers normalise to E.164",
        arguments: [
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
            ("+491234567", "+491234567"),  // 8 digits after +: the shortest E.164 allowed
            ("+123456789012345", "+123456789012345"),  // 15 digits: the longest
        ])
    func valid(input: String, expected: String) {
        #expect(normaliser.normalise(input) == .valid(expected))
    }

    @Test(
        "invalid numbers are refused, showing what the steps produced",
        arguments: [
            ("7700 900123", "7700900123"),  // no + and no national 0
            ("+0447700900123", "+0447700900123"),  // country code can't start with 0
            ("000447700900123", "+0447700900123"),
            ("+4412345", "+4412345"),  // 7 digits: too short
            ("+1234567890123456", "+1234567890123456"),  // 16 digits: too long
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

    @Test(
        "spec 1.1: every Unicode dash U+2010 to U+2015 and the minus sign are hyphens",
        arguments: [
            "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "-",
        ])
    func hyphens(dash: String) {
        #expect(normaliser.normalise("07700\(dash)900\(dash)123") == .valid("+447700900123"))
        #expect(normaliser.normalise("+44\(dash)(0)7700\(dash)900123") == .valid("+447700900123"))
    }

    @Test(
        "spec 1.1: other dash-like characters are not separators, so the number is invalid",
        arguments: [
            "\u{FE63}", "\u{FF0D}", "\u{2E3A}", "_", "/",
        ])
    func notHyphens(dash: String) {
        #expect(normaliser.normalise("07700\(dash)900123").e164 == nil)
    }

    @Test(
        "spec 1.1: spaces include non-breaking and narrow spaces",
        arguments: [
            "\u{00A0}", "\u{202F}", "\u{2007}", "\u{2009}", "\u{3000}", "\t", " ",
        ])
    func spaces(space: String) {
        #expect(normaliser.normalise("+44\(space)(0)7700\(space)900123") == .valid("+447700900123"))
    }

    /// The `(0)` straight after the country code as written: the one to three digits right
    /// after a leading `+` or `00`, up to the first separator or parenthesis.
    @Test(
        "spec 1.1: a (0) straight after the country code as written goes as a whole",
        arguments: [
            // The spec's worked examples.
            ("+44 (0)7700 900123", "+447700900123"),
            ("0044 (0)7700 900123", "+447700900123"),
            ("+44-(0)7700-900123", "+447700900123"),
            ("+44 7 (0)700 900123", "+4470700900123"),  // after more than the country code: only its parentheses go
            // Edge cases (docs/checker.md, "Spec 1.1 decisions").
            ("+44(0)7700 900123", "+447700900123"),  // no separator at all
            ("+44 . - (0)7700 900123", "+447700900123"),  // several separators between
            ("+44\u{00A0}(0)7700\u{2013}900123", "+447700900123"),
            ("+353 (0)87 123 4567", "+353871234567"),  // three digits
            ("+1 (0)415 555 0100", "+14155550100"),  // one digit
            ("  +44 (0)7700 900123 ", "+447700900123"),  // surrounding white space is trimmed first
            ("+447700(0)900123", "+4477000900123"),  // six digits are no country code: the 0 stays
            ("+4 4(0)7700 900123", "+4407700900123"),  // the code as written is 4, and a 4 stands between
            ("00 44 (0)7700 900123", "+4407700900123"),  // no digit straight after 00: no country code
            ("+ 44 (0)7700 900123", "+4407700900123"),  // no digit straight after +: no country code
            ("(+44) (0)7700 900123", "+4407700900123"),  // the + is not leading
            ("+44 (0)(0)7700 900123", "+4407700900123"),  // only the first (0) goes
            ("+44 ( 0 )7700 900123", "+4407700900123"),  // "( 0 )" is not "(0)"
            ("+44 (0) (0)", "+440"),
        ])
    func trunkZero(input: String, expected: String) {
        let result = normaliser.normalise(input)
        #expect(result.e164 == expected || result == .invalid(attempt: expected))
    }

    @Test("a (0) elsewhere than straight after the country code keeps its zero")
    func trunkZeroOnlyAfterCountryCode() {
        // "(0)" after more than a country code is not a trunk prefix: the 0 stays a digit.
        #expect(normaliser.normalise("+44 7700 (0)90012") == .valid("+447700090012"))
        #expect(normaliser.normalise("(0)7700 900123") == .valid("+447700900123"))
    }

    @Test(
        "national format uses the configured calling code",
        arguments: [
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

    @Test(
        "calling codes are one to three digits not starting with 0",
        arguments: [
            ("44", true), ("1", true), ("353", true), ("0", false), ("4444", false), ("4a", false), ("", false),
        ])
    func callingCodeValidity(code: String, valid: Bool) {
        #expect(PolicyParameters.isValidCallingCode(code) == valid)
    }
}
