import BackupPolicy

/// The report formats `helpcenter check --format` writes.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// `path:line:col: severity: message [rule]` lines and a summary line.
    case human
    /// The checker's own JSON: summary, findings, scenarios with their replayed steps.
    case json
    /// JUnit XML, one test case per scenario (GitLab, Jenkins).
    case junit
    /// SARIF 2.1.0 (GitHub code scanning).
    case sarif
    /// GitHub Actions workflow commands (`::error file=…`).
    case github
    /// GitLab Code Quality JSON.
    case gitlab
}

/// Renders a check report in any ``ReportFormat``. Pure: the same report gives the same text.
public struct ReportRenderer: Sendable {
    /// The rules' wording (titles and sentences), for formats that describe rules.
    public var wording: PolicyWording?

    public init(wording: PolicyWording? = nil) {
        self.wording = wording
    }

    public func render(_ report: CheckReport, as format: ReportFormat) -> String {
        switch format {
        case .human: HumanReport(report: report).render()
        case .json: JSONReport(report: report).render()
        case .junit: JUnitReport(report: report).render()
        case .sarif: SARIFReport(report: report, wording: wording).render()
        case .github: GitHubReport(report: report).render()
        case .gitlab: GitLabReport(report: report).render()
        }
    }

    /// One line saying what was checked and how it went.
    public static func summary(of report: CheckReport) -> String {
        let scenarios = report.scenarioCount
        let failed = report.failedScenarioCount
        let files = report.files.count
        var text = "checked \(plural(scenarios, "scenario")) in \(plural(files, "file")): \(scenarios - failed) passed, \(failed) failed"
        text += "; \(plural(report.errorCount, "error")), \(plural(report.warningCount, "warning"))"
        return text
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}

/// The title reports show for a finding's id: the rule's title, or the kind spelt out.
extension ScenarioFinding.Kind {
    var title: String {
        switch self {
        case .mismatch: "A scenario's expectation disagrees with the policy"
        case .invalidState: "A scenario's starting state breaks the policy"
        case .scenarioError: "The file is not a valid scenario file"
        case .unknownRule: "An article cites a rule the policy doesn't have"
        case .uncoveredRule: "A rule no article cites, or that no scenario exercises"
        case .staleArticle: "An article is older than the wording of a rule it cites"
        case .survivingMutant: "A broken variant of the policy that no scenario notices"
        }
    }
}
