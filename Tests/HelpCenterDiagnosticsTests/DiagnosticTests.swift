import HelpCenterDiagnostics
import Testing

@Suite("Diagnostic")
struct DiagnosticTests {
    /// One finding is one line: a scenario named with a line feed printed a second, forged
    /// finding that CI's problem matchers read, and an escape sequence reached the terminal.
    @Test func theOneLineFormEscapesControlCharacters() {
        let diagnostic = Diagnostic.error(
            "duplicate scenario name 'x\nscenarios/other.yaml:99:1: error: forged\u{1B}[8m\r\u{85}\u{2028}'\tend",
            at: SourceLocation(path: "scenarios/a\nb.yaml", line: 3, column: 5), id: "duplicate-name")
        let line = diagnostic.description
        #expect(!line.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\t" })
        #expect(
            line
                == "scenarios/a\\nb.yaml:3:5: error: duplicate scenario name 'x\\nscenarios/other.yaml:99:1: error: forged\\u{1B}[8m\\r\\u{85}\\u{2028}'\tend [duplicate-name]"
        )
        #expect(diagnostic.message.contains("\n"), "the message itself is kept: JSON and SARIF escape it their way")
    }

    @Test func plainTextIsUnchanged() {
        let diagnostic = Diagnostic.warning("écrit «ainsi» 🙂", at: SourceLocation(path: "a.md", line: 1, column: 1))
        #expect(diagnostic.description == "a.md:1:1: warning: écrit «ainsi» 🙂")
    }
}
