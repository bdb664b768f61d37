import HelpCenterDiagnostics

/// GitHub Actions workflow commands: one `::error file=…,line=…,col=…,title=…::message` line
/// per finding, which GitHub shows as annotations on the pull request.
struct GitHubReport: CheckReportWriter {
    func start(emit: (String) -> Void) {}

    func add(_ file: FileReport, emit: (String) -> Void) {
        emit(file.findings.map(Self.command).joined())
    }

    func finish(_ suite: SuiteResult, emit: (String) -> Void) {
        emit(suite.suiteFindings.map(Self.command).joined())
    }

    private static func command(_ finding: ScenarioFinding) -> String {
        let command =
            switch finding.severity {
            case .error: "error"
            case .warning: "warning"
            case .note: "notice"
            }
        let location = finding.location
        let properties = [
            "file=\(property(location.path))",
            "line=\(location.line)",
            "col=\(location.column)",
            "title=\(property(finding.reportID))",
        ].joined(separator: ",")
        return "::\(command) \(properties)::\(data(finding.message))\n"
    }

    /// A message with the characters GitHub's commands reserve escaped.
    static func data(_ text: String) -> String {
        escaped(text, reserved: ["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    /// A property value (a path, an id) with the characters GitHub's commands reserve escaped.
    static func property(_ text: String) -> String {
        escaped(text, reserved: ["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }

    /// The reserved characters percent-encoded, and the other control characters and Unicode
    /// line separators written as `\u{1B}`, as the human format writes them
    /// (`Diagnostic.oneLine`): a rule id or file name holding an escape sequence set the CI
    /// log's colours or title through the annotation line.
    private static func escaped(_ text: String, reserved: [Unicode.Scalar: String]) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if let replacement = reserved[scalar] {
                result += replacement
            } else if Diagnostic.breaksOneLine(scalar) {
                result += Diagnostic.oneLine(String(scalar))
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
