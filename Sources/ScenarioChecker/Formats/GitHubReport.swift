/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, with
/// the escaping GitHub documents for data and for property values.
struct GitHubReport {
    let report: CheckReport

    func render() -> String {
        report.findings.map { finding in
            let command = switch finding.severity {
            case .error: "error"
            case .warning: "warning"
            case .note: "notice"
            }
            let location = finding.location
            let properties = [
                "file=\(Self.property(location.path))",
                "line=\(location.line)",
                "col=\(location.column)",
                "title=\(Self.property(finding.reportID))",
            ].joined(separator: ",")
            return "::\(command) \(properties)::\(Self.data(finding.message))\n"
        }.joined()
    }

    /// Message data: `%`, `\r`, `\n` escaped.
    static func data(_ text: String) -> String {
        text.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    /// Property values: as data, plus `:` and `,`.
    static func property(_ text: String) -> String {
        text.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }
}

extension String {
    /// Each scalar in `table` replaced by its text, in one pass (so `%` is not escaped
    /// twice). Works on scalars, so the `\r` and `\n` of a CRLF are each found.
    func replacingAll(_ table: [Unicode.Scalar: String]) -> String {
        var result = ""
        for scalar in unicodeScalars {
            if let replacement = table[scalar] { result += replacement } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
