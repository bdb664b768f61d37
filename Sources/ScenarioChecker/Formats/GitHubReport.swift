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
        text.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    /// A property value (a path, an id) with the characters GitHub's commands reserve escaped.
    static func property(_ text: String) -> String {
        text.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }
}

extension String {
    /// The text with each scalar in the table replaced by its replacement.
    func replacingAll(_ table: [Unicode.Scalar: String]) -> String {
        var result = ""
        for scalar in unicodeScalars {
            if let replacement = table[scalar] { result += replacement } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
