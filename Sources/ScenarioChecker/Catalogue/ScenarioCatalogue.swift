import BackupPolicy
import HelpCenterDiagnostics

/// The project's scenarios, replayed through the policy, for the site: an article embeds a
/// scenario by name (``example(named:)``), and the policy page shows the rule matrix
/// (``policyMatrix(document:citations:)``). Names are unique across the suite; a name used
/// in two files is a finding, and looking it up is an error.
public struct ScenarioCatalogue: Sendable {
    /// Every scenario, unfiltered, with its findings (including duplicate names).
    public var report: CheckReport
    /// The policy the scenarios were replayed through.
    public var policy: BackupPolicy

    /// Reads and replays `sources` (pure: the caller reads the files).
    public init(sources: [ScenarioSource], policy: BackupPolicy = BackupPolicy()) {
        self.policy = policy
        report = ScenarioSuiteChecker(policy: policy).check(sources)
    }

    /// Every scenario name, in suite order.
    public var names: [String] { report.files.flatMap(\.scenarios).map(\.name) }

    /// The scenario called `name` (exactly), as a worked example. Throws when no scenario
    /// has the name (suggesting close ones) or several do.
    public func example(named name: String) throws(ScenarioLookupError) -> ScenarioExample {
        let matches = report.files.flatMap(\.scenarios).filter { $0.name == name }
        guard let first = matches.first else {
            throw .notFound(name: name, suggestions: suggestions(for: name))
        }
        guard matches.count == 1 else {
            throw .ambiguous(name: name, locations: matches.map(\.location))
        }
        return ScenarioExample(first, normaliser: policy.normaliser)
    }

    /// The rule matrix of the policy page: per rule, its wording and change date, the
    /// articles citing it, and the scenarios where it decides or allows a step.
    public func policyMatrix(document: PolicyDocument, citations: [RuleCitation] = []) -> PolicyCoverage {
        CoverageChecker(document: document, citations: citations).check(report)
    }

    /// The policy's state diagram (see ``BackupStateGraph``).
    public var stateGraph: BackupStateGraph { BackupStateGraph(policy: policy) }

    /// Names that contain `name` or are a few edits from it, ignoring case.
    private func suggestions(for name: String) -> [String] {
        let wanted = name.lowercased()
        let limit = max(2, wanted.count / 5)
        return names.filter { candidate in
            let lowered = candidate.lowercased()
            return lowered.contains(wanted) || wanted.contains(lowered)
                || EditDistance.between(Array(wanted), Array(lowered), limit: limit) <= limit
        }
    }
}

/// Looking up a scenario by name failed.
public enum ScenarioLookupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No scenario has the name; `suggestions` are close names.
    case notFound(name: String, suggestions: [String])
    /// More than one scenario has the name (itself an error in the suite).
    case ambiguous(name: String, locations: [SourceLocation])

    public var description: String {
        switch self {
        case .notFound(let name, let suggestions):
            let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?"
            return "no scenario is named '\(name)'\(hint)"
        case .ambiguous(let name, let locations):
            return "several scenarios are named '\(name)' (\(locations.map(\.description).joined(separator: ", "))); names must be unique"
        }
    }
}
