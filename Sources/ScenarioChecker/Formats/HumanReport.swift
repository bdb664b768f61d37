/// `path:line:col: severity: message [rule]`, one finding a line, file by file; then the
/// suite's findings, the coverage table and the mutation line when the suite was audited,
/// and the summary. Quiet (`check --quiet`, as `build --quiet`): the errors and the summary.
struct HumanReport: CheckReportWriter {
    var quiet = false

    func start(emit: (String) -> Void) {}

    func add(_ file: FileReport, emit: (String) -> Void) {
        emit(lines(file.findings))
    }

    func finish(_ suite: SuiteResult, emit: (String) -> Void) {
        var lines: [String] = []
        if let coverage = suite.coverage, !quiet {
            lines += CoverageTable(coverage: coverage).render()
        }
        if let mutations = suite.mutations, !quiet {
            lines.append(CoverageTable.mutationLine(mutations))
        }
        lines.append(ReportRenderer.summary(of: suite.totals))
        emit(self.lines(suite.suiteFindings) + lines.joined(separator: "\n") + "\n")
    }

    private func lines(_ findings: [ScenarioFinding]) -> String {
        findings.lazy.filter { !quiet || $0.severity == .error }.map { $0.diagnostic.description + "\n" }.joined()
    }
}
