// The one calendar-date type of the project. It lives in a target of its own, with no
// dependencies, because both the policy (`BackupPolicy`, which depends on nothing) and the
// site (`HelpCenterSite`, which must not depend on the policy) need it;
// `HelpCenterDiagnostics` would also have worked, but a date is not a diagnostic.

/// A calendar date with no time zone, as the project's files write it (`2026-11-29`): when a
/// rule's wording last changed (`changed:` in the policy file), when an article was last
/// updated (`updated:` in its front matter).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// `nil` for a day that doesn't exist (month 13, 30 February, year 0).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD` (ASCII digits, a day that exists), as the policy file's
    /// `changed:` must be written.
    public init?(parsing text: String) {
        guard text.utf8.count == 10 else { return nil }
        self.init(parsingDateTime: text)
    }

    /// Parses `YYYY-MM-DD`, optionally followed by a time (`T…` or a space), which is ignored:
    /// the forms an article's `updated:` may take (the caller trims the text first). Works on
    /// the UTF-8 bytes: every article's date is read on every build.
    public init?(parsingDateTime text: String) {
        var digits: [Int] = []
        var dashes = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "T") || byte == UInt8(ascii: "t") || byte == UInt8(ascii: " ") { break }
            if byte == UInt8(ascii: "-"), digits.count == 4 + 2 * dashes, dashes < 2 {
                dashes += 1
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits.count < 8 {
                digits.append(Int(byte - UInt8(ascii: "0")))
            } else {
                return nil
            }
        }
        guard dashes == 2, digits.count == 8 else { return nil }
        let number = { (range: Range<Int>) in range.reduce(0) { $0 * 10 + digits[$1] } }
        self.init(year: number(0..<4), month: number(4..<6), day: number(6..<8))
    }

    /// `2026-11-20`, the form used in `datetime` attributes, sitemaps and messages.
    public var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    /// `20 November 2026`: the date as a reader sees it without scripts.
    public var longForm: String {
        "\(day) \(CalendarDate.monthNames[month - 1]) \(year)"
    }

    /// The next day (31 December 9999 stays itself).
    public var dayAfter: CalendarDate {
        if let next = CalendarDate(year: year, month: month, day: day + 1) { return next }
        if let next = CalendarDate(year: year, month: month + 1, day: 1) { return next }
        return CalendarDate(year: year + 1, month: 1, day: 1) ?? self
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
