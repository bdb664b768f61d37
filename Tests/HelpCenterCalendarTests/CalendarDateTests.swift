import HelpCenterCalendar
import Testing

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test(
        "exactly YYYY-MM-DD, a day that exists (the policy's `changed:`)",
        arguments: [
            ("2026-11-29", true), ("2024-02-29", true), ("2025-02-29", false), ("2026-02-30", false), ("2026-13-01", false),
            ("0000-01-01", false), ("2026-1-01", false), ("26-01-01", false), ("2026-01-01T10:00", false), (" 2026-01-01", false),
            ("2026-01-01 ", false), ("", false), ("२०२६-११-२०", false),
        ])
    func strictParsing(text: String, valid: Bool) {
        #expect((CalendarDate(parsing: text) != nil) == valid)
        if valid { #expect(CalendarDate(parsing: text)?.description == text) }
    }

    @Test(
        "a date followed by a time, which is ignored (the articles' `updated:`)",
        arguments: [
            ("2026-11-20", "2026-11-20"), ("2024-02-29", "2024-02-29"), ("2026-11-20T10:00:00Z", "2026-11-20"),
            ("2026-11-20 10:00", "2026-11-20"), ("2026-11-20t09", "2026-11-20"),
        ])
    func dateTimeParsing(_ text: String, _ iso: String) {
        #expect(CalendarDate(parsingDateTime: text)?.iso == iso)
    }

    @Test(
        "not a date, with or without a time",
        arguments: [
            "", "2026", "2026-11", "2026-1-20", "2026-11-2", "26-11-20", "2026-11-200", "2026-11-20-", "2026/11/20",
            "2026-13-01", "2026-02-29", "2026-00-10", "0000-01-01", "2026-11-2x", "२०२६-११-२०", "2026-+1-01", " 2026-11-20",
        ])
    func refused(_ text: String) {
        #expect(CalendarDate(parsingDateTime: text) == nil)
        #expect(CalendarDate(parsing: text) == nil)
    }

    @Test("dates order by day and read as readers and machines need them")
    func orderingAndForms() throws {
        let october = try #require(CalendarDate(parsing: "2026-10-14"))
        let november = try #require(CalendarDate(year: 2026, month: 11, day: 9))
        #expect(october < november)
        #expect(november.iso == "2026-11-09")
        #expect(november.longForm == "9 November 2026")
    }

    @Test func theDayAfterCrossesMonthsAndYears() throws {
        let cases = [
            ((2026, 1, 31), "2026-02-01"), ((2024, 2, 28), "2024-02-29"), ((2026, 2, 28), "2026-03-01"), ((2026, 12, 31), "2027-01-01"),
            ((2026, 6, 9), "2026-06-10"),
        ]
        for ((year, month, day), next) in cases {
            #expect(try #require(CalendarDate(year: year, month: month, day: day)).dayAfter.iso == next)
        }
    }
}
