/// How serious a diagnostic is. Errors stop a build from being published or a check from passing.
public enum DiagnosticSeverity: String, Sendable, Hashable, Codable, Comparable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// A problem found in the user's content: where, how serious, which rule (if any) and what.
///
/// The message says what was found and what was expected. Printed, a diagnostic reads
/// `path:line:col: error: message [id]`, the form editors and CI systems read.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public var location: SourceLocation
    public var severity: DiagnosticSeverity
    public var id: String?
    public var message: String

    public init(_ severity: DiagnosticSeverity, _ message: String, at location: SourceLocation, id: String? = nil) {
        self.location = location
        self.severity = severity
        self.id = id
        self.message = message
    }

    public static func error(_ message: String, at location: SourceLocation, id: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, id: id)
    }

    public static func warning(_ message: String, at location: SourceLocation, id: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, id: id)
    }

    /// The one-line form, `path:line:col: severity: message [id]`. Control characters and line
    /// separators in the path or the message (a line feed or an escape sequence in a scenario's
    /// name) are written as escapes (`\n`, `\u{1B}`): one finding is one line. A name holding a
    /// line feed printed a second, forged finding that CI's problem matchers read as real, and
    /// an escape sequence reached the terminal.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let id { text += " [\(id)]" }
        return Self.oneLine(text)
    }

    /// Whether a character cannot stand in one line of text as it is: a control character
    /// (but tab: an escape sequence, a line break, NEL) or a Unicode line or paragraph separator.
    public static func breaksOneLine(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.properties.generalCategory == .control && scalar != "\t") || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// `U+001B`: a character's code point as Unicode writes it, for messages.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `text` with its control characters (but tab) and Unicode line and paragraph separators
    /// escaped.
    public static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: breaksOneLine) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard breaksOneLine(scalar) else {
                result.append(scalar)
                continue
            }
            let escape =
                switch scalar {
                case "\n": "\\n"
                case "\r": "\\r"
                default: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                }
            result.append(contentsOf: escape.unicodeScalars)
        }
        return String(result)
    }
}

extension Diagnostic: Comparable {
    /// Diagnostics sort by place, then by severity (errors first), then by text, so output is stable.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        return (lhs.id ?? "", lhs.message) < (rhs.id ?? "", rhs.message)
    }
}

extension Sequence where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { reduce(0) { $0 + ($1.severity == .error ? 1 : 0) } }
    public var warningCount: Int { reduce(0) { $0 + ($1.severity == .warning ? 1 : 0) } }
}
