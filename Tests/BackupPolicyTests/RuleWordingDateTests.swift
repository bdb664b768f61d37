import HelpCenterCalendar
import Testing

@testable import BackupPolicy

@Suite("Rule wording dates")
struct RuleWordingDateTests {
    @Test(
        "a rule's change date comes from its wording, written exactly YYYY-MM-DD",
        arguments: [
            ("2026-11-29", CalendarDate(year: 2026, month: 11, day: 29)), ("2026-11-29T10:00", nil), ("2026-02-30", nil),
        ])
    func changedDate(text: String, date: CalendarDate?) {
        let wording = RuleWording(id: .oneMethod, title: "t", sentence: "s", changed: text)
        #expect(wording.changedDate == date)
    }
}
