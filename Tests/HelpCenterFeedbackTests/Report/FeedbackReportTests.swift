import Foundation
import HelpCenterCalendar
import Testing

@testable import HelpCenterFeedback

@Suite struct FeedbackReportTests {
    static let week: Int64 = 604_800_000

    static func count(_ article: String, _ revision: String, week: Int64, _ answer: FeedbackAnswer, _ votes: Int) -> VoteCount {
        VoteCount(
            article: article, revision: revision, updated: revision == "new" ? "2026-11-29" : "2026-10-01", week: week, answer: answer, votes: votes,
            firstReceivedAt: week * Self.week)
    }

    static let report = FeedbackReport(
        counts: [
            // Well liked, many votes.
            count("good/", "r", week: 2900, .yes, 40), count("good/", "r", week: 2900, .no, 2),
            // A single "no": uncertain, not the weakest.
            count("one/", "r", week: 2900, .no, 1),
            // Weak before its edit, better after.
            count("weak/", "old", week: 2899, .no, 20), count("weak/", "old", week: 2899, .yes, 5),
            count("weak/", "new", week: 2901, .yes, 6), count("weak/", "new", week: 2901, .partly, 4),
        ],
        comments: [VoteComment(article: "weak/", answer: .no, comment: "<script>alert(1)</script> =SUM(A1)", receivedAt: 2901 * week)],
        since: nil, generatedAt: 2902 * week)

    @Test func theWeakestArticlesComeFirst() {
        #expect(Self.report.articles.map(\.article) == ["weak/", "one/", "good/"])
    }

    @Test func theTrendComparesTheArticleAsItIsWithBeforeItsLastEdit() throws {
        let weak = try #require(Self.report.articles.first)
        #expect(weak.sinceEdit == .init(no: 0, partly: 4, yes: 6))
        #expect(weak.beforeEdit == .init(no: 20, partly: 0, yes: 5))
        #expect(abs((weak.trend ?? 0) - (0.6 - 0.2)) < 0.0001)
        #expect(weak.updated == "2026-11-29")
        #expect(Self.report.articles.last?.trend == nil)
    }

    @Test func theHTMLReportEscapesCommentsAndDrawsAChartPerArticle() {
        let html = Self.report.html()
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.components(separatedBy: "<svg class=\"chart\"").count - 1 == 3)
        #expect(html.contains("class=\"edit\""))
        #expect(!html.contains("src=\"http"))
        #expect(html.contains("+40 pts"))
    }

    @Test func withTheSiteArticlesAreNamedByTitleAndRemovedOnesMarked() {
        var report = Self.report
        report.name(
            from: SiteArticleCatalog(articles: [
                SiteArticle(path: "weak/", title: "Reset <your> 2FA", updated: nil, revision: "x"),
                SiteArticle(path: "good/", title: "Good one", updated: nil, revision: "y"),
            ]))
        #expect(report.articles.map(\.title) == ["Reset <your> 2FA", nil, "Good one"])
        #expect(report.articles.map(\.published) == [true, false, true])
        let html = report.html()
        #expect(html.contains("<h2>Reset &lt;your&gt; 2FA</h2>\n<p class=\"path\">weak/</p>"))
        #expect(html.contains("Not in the published site any more"))
        #expect(report.humanReadable().contains("\nReset <your> 2FA (weak/)\n"))
        #expect(report.humanReadable().contains("\none/: not in the published site any more\n"))
        #expect(report.csv().contains("\r\nweak/,Reset <your> 2FA,"))
        #expect(report.json().contains("\"title\" : \"Reset <your> 2FA\""))
        // Without the site, nothing changes.
        #expect(!Self.report.html().contains("class=\"path\""))
    }

    /// A title's escape sequences and line breaks are shown as escapes in the terminal's
    /// report: they could set the window title or the clipboard, or forge an article's line.
    @Test func theTextReportShowsTitlesOnOneLineWithoutEscapeSequences() {
        var report = Self.report
        report.name(from: SiteArticleCatalog(articles: [SiteArticle(path: "weak/", title: "K\u{1B}]0;owned\u{07}\nFake (x/)", updated: nil, revision: "x")]))
        let text = report.humanReadable()
        #expect(text.contains("\nK\\u{1B}]0;owned\\u{7}\\nFake (x/) (weak/)\n"), "\(text)")
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test func csvCellsCannotBecomeFormulas() {
        let csv = Self.report.csv()
        #expect(csv.hasPrefix("article,title,votes,yes,partly,no,yes_share"))
        #expect(csv.contains(",<script>alert(1)</script> =SUM(A1)\r\n"))
        #expect(FeedbackReport.csvField("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(FeedbackReport.csvField("-0.2") == "-0.2")
    }

    @Test func jsonAndTextNameTheFigures() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(Self.report.json().utf8)) as? [String: Any])
        #expect(json["totalVotes"] as? Int == 78)
        let text = Self.report.humanReadable()
        #expect(text.contains("weak/\n  35 votes: 11 yes, 4 partly, 20 no; 31% yes"))
    }

    @Test func datesAreUTCDays() {
        #expect(ReportDates.day(0) == "1970-01-01")
        #expect(ReportDates.day(1_764_892_800_000) == "2025-12-05")
        #expect(CalendarDate(parsing: "2026-11-29")?.millisecondsSince1970 == 1_795_910_400_000)
    }
}

extension FeedbackReportTests {
    @Test func thePreviewGetsEachArticlesScore() throws {
        let scores = try #require(try JSONSerialization.jsonObject(with: Self.report.scoresJSON()) as? [String: [String: Double]])
        #expect(scores["weak/"]?["votes"] == 35)
        #expect(abs((scores["weak/"]?["trend"] ?? 0) - 0.4) < 0.0001)
        #expect(scores["one/"]?["yesShare"] == 0)
    }
}
