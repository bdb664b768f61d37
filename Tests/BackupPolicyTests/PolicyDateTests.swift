import Testing
@testable import BackupPolicy

@Suite("Policy dates")
struct PolicyDateTests {
    @Test("YYYY-MM-DD days that exist are read; others are not", arguments: [
        ("2026-11-29", true), ("2024-02-29", true), ("2025-02-29", false), ("2026-13-01", false),
        ("2026-1-01", false), ("26-01-01", false), ("2026-01-01T10:00", false), ("", false),
    ])
    func parsing(text: String, valid: Bool) {
        #expect((PolicyDate(parsing: text) != nil) == valid)
        if valid { #expect(PolicyDate(parsing: text)?.description == text) }
    }

    @Test("dates order by day, and a rule's change date comes from its wording")
    func ordering() throws {
        let october = try #require(PolicyDate(parsing: "2026-10-14"))
        let november = try #require(PolicyDate(parsing: "2026-11-29"))
        #expect(october < november)
        let wording = RuleWording(id: .oneMethod, title: "t", sentence: "s", changed: "2026-11-29")
        #expect(wording.changedDate == november)
    }
}
