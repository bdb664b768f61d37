import BackupPolicy
import HelpCenterConcurrency
import HelpCenterDiagnostics

/// Mutation testing of the scenario suite: replays every scenario under each policy variant
/// (each breaking one rule) and records which scenarios notice it. A variant is noticed when
/// some scenario gets an error (at a place, of a kind and id) that the real policy doesn't
/// give. Variants run in parallel; results keep the variants' order.
public struct MutationTester: Sendable {
    public var policy: BackupPolicy
    public var variants: [PolicyVariant]

    public init(policy: BackupPolicy = BackupPolicy(), variants: [PolicyVariant] = PolicyVariant.catalogue) {
        self.policy = policy
        self.variants = variants
    }

    /// Runs every variant over `files`; `baseline` is the same files replayed under `policy`.
    public func run(_ files: [ParsedScenarioFile], baseline: [FileReport]) -> [MutationResult] {
        let known = Dictionary(
            baseline.flatMap(\.scenarios).map { ($0.location, Set($0.findings.filter(\.isError).map(ErrorKey.init))) },
            uniquingKeysWith: { $0.union($1) }
        )
        return parallelMap(variants) { variant in
            let replayer = ScenarioReplayer(policy: variant.applied(to: policy))
            var noticedBy: [ScenarioReference] = []
            for scenario in files.flatMap(\.scenarios) {
                let report = replayer.replay(scenario)
                let before = known[scenario.location] ?? []
                let new = report.findings.filter { $0.isError && !before.contains(ErrorKey($0)) }
                guard !new.isEmpty else { continue }
                noticedBy.append(ScenarioReference(name: scenario.name, location: scenario.location, steps: new.map(\.location), passed: report.passed))
            }
            return MutationResult(variant: variant.id, rule: variant.rule, summary: variant.summary, noticedBy: noticedBy)
        }
    }

    /// The findings for surviving variants: errors at the rule's entry in the policy file.
    public static func findings(_ results: [MutationResult], document: PolicyDocument) -> [ScenarioFinding] {
        results.filter(\.survived).map { result in
            .suite(
                .survivingMutant, .error,
                "the policy variant '\(result.variant)' (\(result.summary)) survives: every scenario still passes under it; expected a scenario whose expectations fail when '\(result.rule.rawValue)' is broken this way",
                at: document.location(of: result.rule), about: result.rule
            )
        }
    }

    /// What identifies an error across replays: its place, kind and id (messages differ).
    private struct ErrorKey: Hashable {
        var location: SourceLocation
        var kind: ScenarioFinding.Kind
        var id: String?

        init(_ finding: ScenarioFinding) {
            location = finding.location
            kind = finding.kind
            id = finding.diagnostic.id
        }
    }
}

extension ScenarioFinding {
    var isError: Bool { severity == .error }
}
