/// `path:line:col: severity: message [rule]`, one finding a line, then the summary.
struct HumanReport {
    let report: CheckReport

    func render() -> String {
        var lines = report.findings.map(\.diagnostic.description)
        lines.append(ReportRenderer.summary(of: report))
        return lines.joined(separator: "\n") + "\n"
    }
}
