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

    private static func format(_ date: CalendarDate, language: String) -> String? {
        guard let utc = TimeZone(identifier: "UTC") else { return nil }
        let locale = Locale(identifier: language)
        // An identifier ICU does not know still makes a Locale (with the root's formats):
        // only a language it has data for is used.
        guard let code = locale.language.languageCode?.identifier, Locale.LanguageCode(code).isISOLanguage else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        guard let day = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)) else { return nil }
        return day.formatted(Date.FormatStyle(date: .long, time: .omitted, locale: locale, calendar: calendar, timeZone: utc))
    }
}
