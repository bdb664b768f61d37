import HelpCenterDiagnostics

/// Checks that every diagnostic points into the file it is about: an editor or CI annotation
/// pointing past the last line sends the writer to the wrong place.
public enum DiagnosticLocationCheck {
    /// `text` is the whole file as read; a line ends at a line feed, a carriage return and line
    /// feed, or a carriage return alone (CommonMark's line endings, which editors also break at).
    public static func check(_ diagnostics: [Diagnostic], in text: String, path: String) {
        let lineCount = lines(in: text)
        for diagnostic in diagnostics where diagnostic.location.path == path {
            let location = diagnostic.location
            fuzzCheck(location.line <= lineCount, "diagnostic at line \(location.line) of a \(lineCount)-line file: \(diagnostic)")
        }
    }

    /// The number of lines an editor shows for `text`.
    public static func lines(in text: String) -> Int {
        var count = 1
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x0A, previous != 0x0D { count += 1 }
            if byte == 0x0D { count += 1 }
            previous = byte
        }
        return count
    }
}
