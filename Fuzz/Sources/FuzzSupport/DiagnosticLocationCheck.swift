import HelpCenterDiagnostics

/// Checks that every diagnostic points into the file it is about: a location past the end of
/// the file sends the writer (or a CI annotation) to the wrong place.
///
/// Two known quirks are tolerated so that a run goes on hunting other bugs (docs/fuzzing.md):
/// libyaml reports an error at the end of a file without a final newline on the line after the
/// last one (column 1), and swift-mustache counts every Unicode newline (form feed, vertical tab,
/// U+0085, U+2028, U+2029) as a line break. Lines are therefore counted the generous way.
public enum DiagnosticLocationCheck {
    public static func check(_ diagnostics: [Diagnostic], in text: String, path: String) {
        let lineCount = lines(in: text)
        for diagnostic in diagnostics where diagnostic.location.path == path {
            let location = diagnostic.location
            let atEnd = location.line == lineCount + 1 && location.column == 1
            fuzzCheck(location.line <= lineCount || atEnd, "diagnostic at line \(location.line) of a \(lineCount)-line file: \(diagnostic)")
        }
    }

    /// The number of lines of `text`, breaking at every Unicode newline (a CRLF is one break).
    public static func lines(in text: String) -> Int {
        var count = 1
        var previous: Unicode.Scalar = "\0"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where previous == "\r": break
            case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": count += 1
            default: break
            }
            previous = scalar
        }
        return count
    }
}
