import Analysis
import History

/// `ktlo report --format markdown`: tables that paste into a pull request or a wiki. Repository text is escaped
/// so that it cannot break out of a cell.
public struct ReportMarkdownRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: EffortReport, context: RepositoryContext, warnings: [HistoryWarning]) -> String {
        let measure = report.measure, mapping = report.mapping
        var text = "### KTLO share of \(measure.phrase) by \(report.calendar.kind.rawValue)\n\n"
        text += "Repository `\(MarkdownText.code(context.repositoryPath))`"
            + (context.head.map { " at `\($0.abbreviated())`" } ?? "") + ".\n\n"
        text += "| Period | Commits | Authors | \(MarkdownText.cell(measure.phrase.capitalized)) | KTLO | Feature | Other | Δ KTLO | Guessed |\n"
        text += "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        func row(_ label: String, _ summary: EffortSummary, _ change: PeriodChange?) -> String {
            let cells = [label, String(summary.commits), String(summary.authors),
                         ReportNumber.plain(summary.effort.bucketedTotal(measure, mapping: mapping)),
                         ReportNumber.percent(summary.effort.share(.ktlo, measure, mapping: mapping)),
                         ReportNumber.percent(summary.effort.share(Bucket.feature, measure, mapping: mapping)),
                         ReportNumber.percent(summary.effort.share(Bucket.other, measure, mapping: mapping)),
                         ReportNumber.points(change?.ktloSharePoints),
                         String(summary.lowConfidenceCommits)]
            return "| " + cells.map(MarkdownText.cell).joined(separator: " | ") + " |\n"
        }
        for period in report.periods { text += row(period.period.label, period.summary, period.change) }
        text += row("**Total**", report.totals, nil)
        if report.totals.lowConfidenceCommits > 0 {
            text += "\n\(report.totals.lowConfidenceCommits) of \(report.totals.commits) commits ("
                + ReportNumber.percent(report.totals.lowConfidenceShare(measure, mapping: mapping), decimals: 0)
                + " of the \(measure.phrase)) were classified with low confidence.\n"
        }
        if !report.totalBudget.isEmpty {
            text += "\n| Budget | Target | Actual | Difference |\n|---|---:|---:|---:|\n"
            for line in report.totalBudget {
                text += "| \(line.target) | \(ReportNumber.plain(line.budgetPercent)) % | "
                    + (line.actualPercent.map { ReportNumber.plain($0, decimals: 1) + " %" } ?? "–") + " | "
                    + ReportNumber.points(line.differencePoints) + " |\n"
            }
        }
        for (title, groups) in [("Repository", report.repositories.map(\.group)), ("Component", report.components), ("Author", report.authors), ("Team", report.teams)]
        where !groups.isEmpty {
            text += "\n| \(title) | Commits | \(MarkdownText.cell(measure.phrase.capitalized)) | KTLO | Share of all KTLO |\n"
            text += "|---|---:|---:|---:|---:|\n"
            for group in groups {
                text += "| " + [group.name, ReportNumber.plain(group.summary.effort.bucketedTotal(.commits, mapping: mapping)),
                                ReportNumber.plain(group.summary.effort.bucketedTotal(measure, mapping: mapping)),
                                ReportNumber.percent(group.summary.effort.share(.ktlo, measure, mapping: mapping)),
                                ReportNumber.percent(group.shareOfKTLO[measure])].map(MarkdownText.cell)
                    .joined(separator: " | ") + " |\n"
            }
        }
        if !report.authors.isEmpty, let gini = report.ktloGini[measure] {
            text += "\nGini coefficient of the KTLO \(measure.phrase) over people: \(ReportNumber.plain(gini)).\n"
        }
        for warning in warnings { text += "\n> **Warning:** \(MarkdownText.inline(warning.message))\n" }
        return text
    }
}

/// Makes repository text safe inside Markdown.
enum MarkdownText {
    /// A table cell: pipes escaped, line breaks as `<br>`, HTML and Markdown specials neutralised.
    static func cell(_ text: String) -> String {
        var result = ""
        for character in TerminalText.sanitizedKeepingNewlines(text) {
            switch character {
            case "|": result += "\\|"
            case "\n", "\r\n": result += "<br>"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\\", "`", "*", "_", "[", "]": result += "\\" + String(character)
            default: result.append(character)
            }
        }
        return result
    }

    /// Text inside a paragraph: as a cell, without breaking the paragraph.
    static func inline(_ text: String) -> String { cell(text) }

    /// Text inside `code`: backticks cannot end the span.
    static func code(_ text: String) -> String {
        TerminalText.sanitized(text).replacingOccurrences(of: "`", with: "'")
    }
}
