/// `path:line:col: severity: message [rule]`, one finding a line; the coverage table and
/// the mutation line when the suite was audited; then the summary.
struct HumanReport {
    let report: CheckReport

    func render() -> String {
        var lines = report.findings.map(\.diagnostic.description)
        if let coverage = report.coverage {
            lines += CoverageTable(coverage: coverage).render()
        }
        if let mutations = report.mutations {
            lines.append(CoverageTable.mutationLine(mutations))
        }
        lines.append(ReportRenderer.summary(of: report))
        return lines.joined(separator: "\n") + "\n"
    }
}
