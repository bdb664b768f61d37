import Foundation
import HelpCenterCalendar
import Synchronization

/// A date's long form in a language other than English, from the platform's CLDR data
/// (Foundation's ICU formatter: the data the browser's `Intl.DateTimeFormat` uses, so the page
/// reads the same with scripts on or off). French pages showed `Mis à jour 2026-12-07` without
/// scripts (session 24's writer trial); they show `7 décembre 2026`. No month name is kept in
/// the program. A language ICU does not know gets the ISO date, which every reader can read.
enum LocalizedDates {
    /// Formatted dates by language tag and ISO date: a site has few distinct dates, and every
    /// article summary in a list asks again.
    private static let cache = Mutex<[String: String]>([:])

    static func longForm(_ date: CalendarDate, language: String) -> String {
        let key = language + " " + date.iso
        if let known = cache.withLock({ $0[key] }) { return known }
        let text = format(date, language: language) ?? date.iso
        cache.withLock { $0[key] = text }
        return text
    }

    /// The languages the platform has formats for (`fr` of `fr_FR`…): a tag whose language is
    /// not among them (`aa`, `tlh`) would get the root's American English.
    private static let knownLanguages = Set(Locale.availableIdentifiers.map { String($0.prefix { $0 != "_" && $0 != "-" }) })

    private static func format(_ date: CalendarDate, language: String) -> String? {
        guard let utc = TimeZone(identifier: "UTC") else { return nil }
        let locale = Locale(identifier: language)
        guard let code = locale.language.languageCode?.identifier, knownLanguages.contains(code) else { return nil }
        // The date is a day of the Gregorian calendar; it is written in the language's own
        // calendar, as `Intl` writes it (Thai's Buddhist years, Persian's solar ones).
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = utc
        guard let day = gregorian.date(from: DateComponents(year: date.year, month: date.month, day: date.day)) else { return nil }
        var calendar = locale.calendar
        calendar.timeZone = utc
        return day.formatted(Date.FormatStyle(date: .long, time: .omitted, locale: locale, calendar: calendar, timeZone: utc))
    }
}
