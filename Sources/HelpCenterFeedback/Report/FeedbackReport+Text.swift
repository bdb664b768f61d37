import HelpCenterDiagnostics

extension FeedbackReport {
    /// For a terminal: one block per article, weakest first.
    public func humanReadable() -> String {
        var text = "Feedback report: \(totalVotes) vote\(totalVotes == 1 ? "" : "s") on \(articles.count) article\(articles.count == 1 ? "" : "s")"
        text += since.map { " since \(ReportDates.day($0))" } ?? ""
        text += ", weakest first\n"
        if articles.isEmpty { return text + "No votes yet.\n" }
        for entry in articles {
            let tally = entry.tally
            // Titles come from the pages' front matter, where YAML escapes can put a terminal's
            // escape sequences or a line break: shown as escapes, like the checker's findings.
            let article = Diagnostic.oneLine(entry.article)
            text += "\n" + (entry.title.map { "\(Diagnostic.oneLine($0)) (\(article))" } ?? article)
            text += entry.published == false ? ": not in the published site any more\n" : "\n"
            text += "  \(tally.total) votes: \(tally.yes) yes, \(tally.partly) partly, \(tally.no) no; \(ReportDates.percent(tally.yesShare)) yes\n"
            if let editedAt = entry.editedAt {
                text += "  since the last edit (first vote \(ReportDates.day(editedAt))\(entry.updated.map { ", updated \($0)" } ?? "")): "
                text +=
                    "\(ReportDates.percent(entry.sinceEdit.yesShare)) yes of \(entry.sinceEdit.total), before \(ReportDates.percent(entry.beforeEdit.yesShare)) "
                text += "of \(entry.beforeEdit.total): \(ReportDates.trend(entry.trend))\n"
            } else {
                text += "  no edit since the first vote\n"
            }
            for comment in entry.comments {
                text += "  - \(ReportDates.day(comment.receivedAt)) \(comment.answer.label): \(Self.oneLine(comment.comment))\n"
            }
        }
        return text
    }

    /// One row per article: a spreadsheet's columns (RFC 4180 quoting; a leading `=`, `+`, `-`
    /// or `@` is prefixed with `'` so that no spreadsheet runs a reader's comment as a formula).
    public func csv() -> String {
        var text = "article,title,votes,yes,partly,no,yes_share,votes_since_edit,yes_share_since_edit,yes_share_before_edit,trend,updated,latest_comment\r\n"
        for entry in articles {
            let fields: [String] = [
                entry.article, entry.title ?? "", String(entry.tally.total), String(entry.tally.yes), String(entry.tally.partly), String(entry.tally.no),
                Self.decimal(entry.tally.yesShare), String(entry.sinceEdit.total), Self.decimal(entry.sinceEdit.yesShare),
                Self.decimal(entry.beforeEdit.yesShare), Self.decimal(entry.trend), entry.updated ?? "", entry.comments.first?.comment ?? "",
            ]
            text += fields.map(Self.csvField).joined(separator: ",") + "\r\n"
        }
        return text
    }

    static func csvField(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func decimal(_ value: Double?) -> String {
        guard let value else { return "" }
        return String((value * 1000).rounded() / 1000)
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
