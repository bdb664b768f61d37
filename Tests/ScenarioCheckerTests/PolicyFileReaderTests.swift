import Foundation
import Testing

@testable import BackupPolicy
@testable import ScenarioChecker

@Suite("Policy data file")
struct PolicyFileReaderTests {
    @Test("the project's policy file names every rule, with a title, a sentence and a date")
    func projectFile() throws {
        let url = Support.projectRoot.appendingPathComponent("policy/backup-policy.yaml")
        let wording = try PolicyFileReader(path: "policy/backup-policy.yaml").read([UInt8](Data(contentsOf: url)))
        #expect(wording.rules.map(\.id) == PolicyRuleID.allCases)
        #expect(wording.parameters.defaultCallingCode == "44")
        let text = try String(contentsOf: url, encoding: .utf8)
        for rule in wording.rules {
            // Every rule states its kind, so that writers see which rules are the team's decision.
            #expect(text.contains("- id: \(rule.id.rawValue)\n    kind: \(rule.id.kind.rawValue)\n"))
            #expect(!rule.title.isEmpty && !rule.sentence.isEmpty)
            #expect(PolicyFileReader.isDate(rule.changed))
        }
    }

    @Test("a file whose ids differ is refused, naming the missing and unknown ids")
    func mismatch() throws {
        let bytes = [UInt8](try Data(contentsOf: Support.fixtures.appendingPathComponent("policy-mismatch.yaml")))
        #expect {
            try PolicyFileReader(path: "policy.yaml").read(bytes)
        } throws: { error in
            let text = (error as? PolicyFileError)?.description ?? ""
            return text.contains("missing: two-factor-required, reauthentication")
                && text.contains("unknown: one-methods")
                && text.contains("policy.yaml:11:14: error: changed '2025-13-01' is not a date written YYYY-MM-DD")
        }
    }

    @Test(
        "bad parameters and broken files are refused with a location",
        arguments: [
            ("parameters: {default_calling_code: '0'}\nrules: []\n", "default_calling_code '0' is not a country calling code"),
            ("rules: [\n", "invalid YAML"),
            ("", "the policy file is empty"),
            ("parameters: {}\n", "the policy file has no 'rules' list"),
            ("rules:\n  - id: one-method\n    title: x\n", "the rule is missing sentence, changed"),
            // Spec 1.1: recovery-key-first is derived; a file that calls it an article rule is refused.
            (
                "rules:\n  - id: recovery-key-first\n    kind: article\n    title: x\n    sentence: y\n    changed: 2026-10-01\n",
                "p.yaml:3:11: error: recovery-key-first is kind 'derived' (the source article does not state it; the policy derives it), not 'article'"
            ),
            (
                "rules:\n  - id: one-method\n    kind: derived\n    title: x\n    sentence: y\n    changed: 2026-10-01\n",
                "one-method is kind 'article' (the source article states it), not 'derived'"
            ),
        ])
    func refused(text: String, message: String) {
        #expect {
            try PolicyFileReader(path: "p.yaml").read(Array(text.utf8))
        } throws: { error in
            (error as? PolicyFileError)?.description.contains(message) == true
        }
    }
}

@Suite("Policy file dates")
struct PolicyFileDateTests {
    @Test(
        "a rule's `changed` must be a day that exists, written exactly YYYY-MM-DD",
        arguments: [
            ("2026-10-01", true), ("2026-02-30", false), ("2026-13-01", false), ("2026-10-01T10:00", false), ("0000-01-01", false),
        ])
    func changed(text: String, valid: Bool) {
        #expect(PolicyFileReader.isDate(text) == valid)
    }
}
