import HelpCenterTemplates

extension FeedbackReport {
    /// A standalone HTML page: one section per article, weakest first, each with a small SVG
    /// chart of its weekly votes drawn here (no script, nothing loaded from elsewhere). Every
    /// reader's comment is escaped.
    public func html(title: String = "Feedback report") -> String {
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLEscaping.escape(title))</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <main>
            <h1>\(HTMLEscaping.escape(title))</h1>

            """
        page += "<p class=\"summary\">\(totalVotes) vote\(totalVotes == 1 ? "" : "s") on \(articles.count) article\(articles.count == 1 ? "" : "s")"
        page += since.map { " since \(ReportDates.day($0))" } ?? ""
        page += ", weakest first. Generated \(ReportDates.day(generatedAt)).</p>\n"
        page += "<p class=\"legend\"><span class=\"key yes\"></span> Yes <span class=\"key partly\"></span> Partly <span class=\"key no\"></span> No"
        page += " <span class=\"key edit\"></span> last edit</p>\n"
        if articles.isEmpty { page += "<p>No votes yet.</p>\n" }
        for entry in articles { page += section(entry) }
        page += "</main>\n</body>\n</html>\n"
        return page
    }

    private func section(_ entry: ArticleFeedback) -> String {
        var html = "<section class=\"article\">\n"
        if let title = entry.title {
            html += "<h2>\(HTMLEscaping.escape(title))</h2>\n<p class=\"path\">\(HTMLEscaping.escape(entry.article))</p>\n"
        } else {
            html += "<h2>\(HTMLEscaping.escape(entry.article))</h2>\n"
        }
        if entry.published == false { html += "<p class=\"gone\">Not in the published site any more (moved or removed).</p>\n" }
        html += "<div class=\"figures\">\n"
        html += chart(entry)
        html += "<dl>\n<dt>Votes</dt><dd>\(entry.tally.total) (\(entry.tally.yes) yes, \(entry.tally.partly) partly, \(entry.tally.no) no)</dd>\n"
        html += "<dt>Yes</dt><dd class=\"share\">\(ReportDates.percent(entry.tally.yesShare))</dd>\n"
        html += "<dt>Since the last edit</dt><dd>"
        if let editedAt = entry.editedAt {
            html += "\(ReportDates.percent(entry.sinceEdit.yesShare)) yes of \(entry.sinceEdit.total) since \(ReportDates.day(editedAt))"
            html += entry.updated.map { " (updated \(HTMLEscaping.escape($0)))" } ?? ""
            html +=
                ", \(ReportDates.percent(entry.beforeEdit.yesShare)) of \(entry.beforeEdit.total) before: <strong>\(ReportDates.trend(entry.trend))</strong>"
        } else {
            html += "no edit since the first vote"
        }
        html += "</dd>\n</dl>\n</div>\n"
        if !entry.comments.isEmpty {
            html += "<h3>Latest comments</h3>\n<ul class=\"comments\">\n"
            for comment in entry.comments {
                html +=
                    "<li><span class=\"meta\">\(ReportDates.day(comment.receivedAt)), \(comment.answer.label):</span> <span class=\"text\">\(HTMLEscaping.escape(comment.comment))</span></li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }

    /// Weekly stacked bars (yes at the bottom), the last 12 weeks with votes, and a dashed line
    /// before the first week with votes on the latest revision.
    func chart(_ entry: ArticleFeedback) -> String {
        let weeks = Array(entry.weeks.suffix(12))
        let width = 240
        let height = 64
        let barWidth = 16
        let gap = 4
        let most = max(1, weeks.map(\.tally.total).max() ?? 1)
        let label =
            "Weekly votes: "
            + weeks.map { "week of \(ReportDates.weekStart($0.week)): \($0.tally.yes) yes, \($0.tally.partly) partly, \($0.tally.no) no" }
            .joined(separator: "; ")
        var svg =
            "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(HTMLEscaping.escape(label))\">\n"
        svg += "<line x1=\"0\" y1=\"\(height - 1)\" x2=\"\(width)\" y2=\"\(height - 1)\" class=\"axis\"/>\n"
        let editWeek = entry.editedAt.map { $0 / 604_800_000 }
        for (index, week) in weeks.enumerated() {
            let x = index * (barWidth + gap) + gap
            if let editWeek, week.week == editWeek {
                svg += "<line x1=\"\(x - gap / 2)\" y1=\"0\" x2=\"\(x - gap / 2)\" y2=\"\(height)\" class=\"edit\"/>\n"
            }
            var top = height - 1
            for (answer, count) in [(FeedbackAnswer.yes, week.tally.yes), (.partly, week.tally.partly), (.no, week.tally.no)] where count > 0 {
                let barHeight = max(1, (height - 4) * count / most)
                top -= barHeight
                svg += "<rect x=\"\(x)\" y=\"\(top)\" width=\"\(barWidth)\" height=\"\(barHeight)\" class=\"\(answer.rawValue)\"/>\n"
            }
        }
        return svg + "</svg>\n"
    }

    static let style = """
        :root { color-scheme: light dark; --text: #1b1f24; --muted: #59636e; --line: #d0d7de; --yes: #1a7f37; --partly: #9a6700; --no: #cf222e; }
        @media (prefers-color-scheme: dark) { :root { --text: #e6edf3; --muted: #9ea7b3; --line: #3d444d; --yes: #3fb950; --partly: #d29922; --no: #f85149; } }
        body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: var(--text); background: Canvas; }
        main { max-width: 56rem; margin: 0 auto; padding: 1.5rem; }
        .summary, .legend, .meta { color: var(--muted); }
        .key { display: inline-block; width: 0.8em; height: 0.8em; margin-left: 0.75em; vertical-align: -0.05em; }
        .key.yes { background: var(--yes); } .key.partly { background: var(--partly); } .key.no { background: var(--no); }
        .key.edit { width: 0; border-left: 2px dashed var(--muted); }
        .article { border-top: 1px solid var(--line); padding: 1rem 0; }
        .article h2 { font-size: 1.1rem; margin: 0 0 0.5rem; overflow-wrap: anywhere; }
        .article .path, .article .gone { margin: -0.25rem 0 0.5rem; color: var(--muted); font-size: 0.9rem; overflow-wrap: anywhere; }
        .figures { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; }
        dl { display: grid; grid-template-columns: auto 1fr; gap: 0.25rem 1rem; margin: 0; }
        dt { color: var(--muted); } dd { margin: 0; } .share { font-weight: 600; }
        .chart .yes { fill: var(--yes); } .chart .partly { fill: var(--partly); } .chart .no { fill: var(--no); }
        .chart .axis { stroke: var(--line); } .chart .edit { stroke: var(--muted); stroke-width: 2; stroke-dasharray: 3 3; }
        h3 { font-size: 1rem; margin: 1rem 0 0.25rem; }
        .comments { margin: 0; padding-left: 1.25rem; overflow-wrap: anywhere; }
        .comments .text { white-space: pre-line; }
        """
}
