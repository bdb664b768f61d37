import Testing

@testable import BackupPolicy

@Suite("Policy wording ids")
struct PolicyWordingTests {
    @Test("the implemented ids are accepted")
    func exact() throws {
        try PolicyWording.checkRuleIDs(PolicyRuleID.allCases.map(\.rawValue).reversed())
    }

    @Test("missing, unknown and repeated ids are all named")
    func mismatch() {
        var ids = PolicyRuleID.allCases.map(\.rawValue).filter { $0 != "one-method" && $0 != "valid-contact" }
        ids += ["one-methods", "set-up-once"]
        #expect {
            try PolicyWording.checkRuleIDs(ids)
        } throws: { error in
            guard let mismatch = error as? RuleIDMismatch else { return false }
            return mismatch.missing == ["one-method", "valid-contact"]
                && mismatch.unknown == ["one-methods"]
                && mismatch.repeated == ["set-up-once"]
                && mismatch.description.contains("missing: one-method, valid-contact")
        }
    }

    @Test("wording is kept in precedence order")
    func order() {
        let wording = PolicyWording(
            rules: PolicyRuleID.allCases.reversed().map {
                RuleWording(id: $0, title: $0.rawValue, sentence: "", changed: "2025-01-01")
            }, parameters: PolicyParameters())
        #expect(wording.rules.map(\.id) == PolicyRuleID.allCases)
        #expect(wording.wording(for: .oneMethod)?.title == "one-method")
    }
}
