/// Turns a phone number as people write it into E.164 (`+447700900123`), following the
/// policy's four steps: strip separators (and a `(0)` straight after the country code),
/// `00` to `+`, a national `0` to `+` and the default calling code, then check E.164.
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
        var text = PhoneNumberNormaliser.removingTrunkZero(from: typed)
        text = String(text.unicodeScalars.filter { !PhoneNumberNormaliser.isSeparator($0) }.map(Character.init))
        if text.hasPrefix("00") {
            text = "+" + text.dropFirst(2)
        } else if text.hasPrefix("0") {
            text = "+" + defaultCallingCode + text.dropFirst()
        }
        return PhoneNumberNormaliser.isE164(text) ? .valid(text) : .invalid(attempt: text)
    }

    /// `^\+[1-9][0-9]{7,14}$`
    static func isE164(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 9, scalars.count <= 16, scalars[0] == "+" else { return false }
        guard scalars[1] != "0" else { return false }
        return scalars.dropFirst().allSatisfy { $0.value >= 0x30 && $0.value <= 0x39 }
    }

    /// Spaces (any Unicode space separator, tabs), hyphens and dashes, dots, parentheses.
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", ".", "(", ")", "-",
             "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}":  // hyphen, non-breaking hyphen, figure dash, en dash
            return true
        default:
            return scalar.properties.generalCategory == .spaceSeparator
        }
    }

    /// Removes a `(0)` written straight after the international prefix and country code
    /// (`+44 (0)7700 900123`, `0044(0)20…`), as a whole; any other `(0)` keeps its zero.
    static func removingTrunkZero(from typed: String) -> String {
        guard let range = typed.firstRange(of: "(0)") else { return typed }
        let prefix = typed[..<range.lowerBound].unicodeScalars.filter { !isSeparator($0) }
        let text = String(String.UnicodeScalarView(prefix))
        let digits: Substring
        if text.hasPrefix("+") {
            digits = text.dropFirst()
        } else if text.hasPrefix("00") {
            digits = text.dropFirst(2)
        } else {
            return typed
        }
        guard (1...3).contains(digits.count), digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else {
            return typed
        }
        return String(typed[..<range.lowerBound]) + String(typed[range.upperBound...])
    }
}
