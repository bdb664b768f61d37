import HelpCenterCalendar

/// Dates in the report: days in UTC, from milliseconds since 1970.
enum ReportDates {
    /// `2026-11-29`.
    static func day(_ milliseconds: Int64) -> String {
        // Howard Hinnant's days-to-civil algorithm.
        let days = Int64((Double(milliseconds) / 86_400_000).rounded(.down)) + 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return CalendarDate(year: Int(year), month: Int(month), day: Int(day))?.iso ?? "\(year)-\(month)-\(day)"
    }

    /// The Monday that starts a report week (weeks since 1970 start on Thursdays; shown as the
    /// week's first day).
    static func weekStart(_ week: Int64) -> String { day(week * 604_800_000) }

    static func percent(_ share: Double?) -> String {
        guard let share else { return "–" }
        return "\(Int((share * 100).rounded()))%"
    }

    static func trend(_ change: Double?) -> String {
        guard let change else { return "–" }
        let points = Int((change * 100).rounded())
        return points > 0 ? "+\(points) pts" : points < 0 ? "−\(-points) pts" : "±0 pts"
    }
}

extension CalendarDate {
    /// Midnight UTC of the date, in milliseconds since 1970 (for `--since`).
    public var millisecondsSince1970: Int64 {
        // days-from-civil, the inverse of ReportDates.day.
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return (era * 146_097 + dayOfEra - 719_468) * 86_400_000
    }
}
