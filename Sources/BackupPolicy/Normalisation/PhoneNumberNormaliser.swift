/// Turns a phone number as people write it into E.164 (`+447700900123`), following the
/// policy's four steps: strip separators (and a `(0)` straight after the country code),
/// `00` to `+`, a national `0` to `+` and the default calling code, then check E.164.
///
/// Works on Unicode scalars, never on `Character`s: every separator is one scalar, and
/// grapheme breaking would only cost time.
public struct PhoneNumberNormaliser: Sendable, Hashable {
    /// The country calling code for numbers written in national format, digits only.
    public var defaultCallingCode: String

    public init(defaultCallingCode: String = "44") {
        self.defaultCallingCode = defaultCallingCode
    }

    /// The result of normalising one phone number.
    public enum Result: Sendable, Hashable {
        /// A valid E.164 number.
        case valid(String)
        /// Not a valid number; `attempt` is what the steps produced, for messages.
        case invalid(attempt: String)

        public var e164: String? {
            if case .valid(let number) = self { return number }
            return nil
        }
    }

    public func normalise(_ typed: String) -> Result {
        let scalars = Self.trimmed(Array(typed.unicodeScalars))
        let trunkZero = Self.trunkZeroRange(in: scalars)
        var text = String.UnicodeScalarView()
        text.reserveCapacity(scalars.count + defaultCallingCode.unicodeScalars.count)
        for (index, scalar) in scalars.enumerated() where !Self.isSeparator(scalar) && trunkZero?.contains(index) != true {
            text.append(scalar)
        }
        var number = String(text)
        if number.utf8.starts(with: "00".utf8) {
            number = "+" + number.dropFirst(2)
        } else if number.utf8.first == UInt8(ascii: "0") {
            number = "+" + defaultCallingCode + number.dropFirst()
        }
        return Self.isE164(number) ? .valid(number) : .invalid(attempt: number)
    }

    /// `^\+[1-9][0-9]{7,14}$`
    static func isE164(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.count >= 9, bytes.count <= 16, bytes.first == UInt8(ascii: "+") else { return false }
        let digits = bytes.dropFirst()
        guard digits.first != UInt8(ascii: "0") else { return false }
        return digits.allSatisfy(isDigit)
    }

    /// Step 1's separators: spaces (any Unicode space separator, which includes the
    /// non-breaking ones, and tabs), hyphens (`-`, the Unicode dashes U+2010 to U+2015 and
    /// the minus sign U+2212), dots and parentheses.
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        isParenthesis(scalar) || isSpacingSeparator(scalar)
    }

    /// A separator other than a parenthesis: what may stand between the country code and
    /// the `(0)` that follows it.
    static func isSpacingSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x2E, 0x2D,  // space, tab, dot, hyphen-minus
            0x2010...0x2015,  // hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar
            0x2212:  // minus sign
            return true
        case 0...0x7F:
            return false
        default:
            return scalar.properties.generalCategory == .spaceSeparator
        }
    }

    static func isParenthesis(_ scalar: Unicode.Scalar) -> Bool { scalar == "(" || scalar == ")" }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    /// The positions of a `(0)` written straight after the country code *as written*: the
    /// one to three digits right after a leading `+` or `00`, up to the first separator or
    /// parenthesis, then nothing but separators (not parentheses) before the `(0)`.
    /// `+44 (0)7700…` and `0044-(0)7700…` have one; `+44 7 (0)700…` (the `(0)` follows
    /// more than the country code), `+447700(0)…` (six digits are no country code) and
    /// `00 44 (0)…` (no digit straight after `00`) have none.
    static func trunkZeroRange(in scalars: [Unicode.Scalar]) -> Range<Int>? {
        var index: Int
        if scalars.first == "+" {
            index = 1
        } else if scalars.count >= 2, scalars[0] == "0", scalars[1] == "0" {
            index = 2
        } else {
            return nil
        }
        let codeStart = index
        while index < scalars.count, isDigit(scalars[index]) { index += 1 }
        guard (1...3).contains(index - codeStart) else { return nil }
        while index < scalars.count, isSpacingSeparator(scalars[index]) { index += 1 }
        guard index + 3 <= scalars.count, scalars[index] == "(", scalars[index + 1] == "0", scalars[index + 2] == ")" else {
            return nil
        }
        return index..<(index + 3)
    }

    /// The scalars without leading and trailing white space.
    static func trimmed(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard let first = scalars.firstIndex(where: { !$0.isWhiteSpace }),
            let last = scalars.lastIndex(where: { !$0.isWhiteSpace })
        else { return [] }
        return first == 0 && last == scalars.count - 1 ? scalars : Array(scalars[first...last])
    }
}
