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
        for rule in wording.rules {
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

    @Test("bad parameters and broken files are refused with a location", arguments: [
        ("parameters: {default_calling_code: '0'}\nrules: []\n", "default_calling_code '0' is not a country calling code"),
        ("rules: [\n", "invalid YAML"),
        ("", "the policy file is empty"),
        ("parameters: {}\n", "the policy file has no 'rules' list"),
        ("rules:\n  - id: one-method\n    title: x\n", "the rule is missing sentence, changed"),
    ])
    func refused(text: String, message: String) {
        #expect {
            try PolicyFileReader(path: "p.yaml").read(Array(text.utf8))
        } throws: { error in
            (error as? PolicyFileError)?.description.contains(message) == true
        }
    }
}
