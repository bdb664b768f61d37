import ArgumentParser
import Foundation
import HelpCenterCalendar
import HelpCenterFeedback

/// `helpcenter feedback report`: which articles fail their readers.
struct FeedbackReportCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case human, json, csv, html
    }

    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report the votes per article, the weakest first.",
        discussion: """
            Per article: votes, share of "yes", trend since the last edit (the share of "yes" \
            on the article as it is now against before), and the latest comments. Written to \
            standard output.
            """
    )

    @Option(help: "An SQLite file, or postgres://user:password@host:port/database.")
    var database = FeedbackDatabase.defaultPath

    @Option(help: "Count only the votes from this day on (YYYY-MM-DD, UTC).")
    var since: String?

    @Option(help: "human, json, csv or html (a page with a chart per article).")
    var format = Format.human

    @Option(help: "The built site: names articles by their titles and marks those no longer published.")
    var site: String?

    func validate() throws {
        if let since, CalendarDate(parsing: since) == nil { throw ValidationError("--since must be a date such as 2026-11-29, not '\(since)'") }
    }

    func run() async throws {
        let start = since.flatMap { CalendarDate(parsing: $0) }?.millisecondsSince1970
        var report: FeedbackReport
        do {
            let location = try FeedbackDatabase(database)
            if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
                throw CommandFailure("no feedback database at '\(path)' (helpcenter feedback serve creates it)")
            }
            let store = try await location.open()
            report = try await FeedbackReport.load(from: store, since: start)
            if let site { report.name(from: try SiteArticleCatalog.load(site: site)) }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("\(error)")
        }
        let console = Console()
        switch format {
        case .human: console.output(report.humanReadable())
        case .json: console.output(report.json())
        case .csv: console.output(report.csv())
        case .html: console.output(report.html())
        }
    }
}
