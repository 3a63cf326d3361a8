import Analysis
import History

/// `ktlo report --format table`: aligned columns for people, a bar per KTLO share, then the budget, the breakdowns
/// asked for, and how much of it rests on guesses.
public struct ReportTableRenderer: ReportRenderer {
    private let color: Bool

    /// - Parameter color: colour the bars (only on a terminal, and never with `NO_COLOR`; the caller decides).
    public init(color: Bool = false) {
        self.color = color
    }

    public func render(_ report: EffortReport, context: RepositoryContext, warnings: [HistoryWarning]) -> String {
        let measure = report.measure
        let mapping = report.mapping
        var text = "KTLO share of \(measure.phrase) by \(report.calendar.kind.rawValue) — "
            + TerminalText.sanitized(context.repositoryPath)
        if let head = context.head {
            text += " (" + (context.branch.map { TerminalText.sanitized($0) + " @ " } ?? "") + head.abbreviated() + ")"
        }
        text += "\n\n"

        var rows: [[String]] = [["PERIOD", "COMMITS", "AUTHORS", measure.phrase.uppercased(), "KTLO", "",
                                 "FEATURE", "OTHER", "Δ KTLO", "GUESSED"]]
        func row(_ label: String, _ summary: EffortSummary, _ change: PeriodChange?) -> [String] {
            let share = summary.effort.share(.ktlo, measure, mapping: mapping)
            let guessed = summary.lowConfidenceCommits == 0 ? "0"
                : "\(summary.lowConfidenceCommits) (\(ReportNumber.percent(summary.lowConfidenceShare(measure, mapping: mapping), decimals: 0)))"
            return [label, String(summary.commits), String(summary.authors),
                    ReportNumber.plain(summary.effort.bucketedTotal(measure, mapping: mapping)),
                    ReportNumber.percent(share), bar(share),
                    ReportNumber.percent(summary.effort.share(Bucket.feature, measure, mapping: mapping)),
                    ReportNumber.percent(summary.effort.share(Bucket.other, measure, mapping: mapping)),
                    ReportNumber.points(change?.ktloSharePoints), guessed]
        }
        for period in report.periods { rows.append(row(period.period.label, period.summary, period.change)) }
        rows.append(row("TOTAL", report.totals, nil))
        text += Self.table(rows, rightAligned: [1, 2, 3, 4, 6, 7, 8, 9])

        let ktloCategories = Category.allCases.filter { mapping.bucket(for: $0) == .ktlo }.map(\.rawValue)
        text += "\nKTLO is " + ktloCategories.joined(separator: " + ") + "; shares are of the \(measure.phrase) "
            + "in a bucket (merges are in none)."
        let guessed = report.totals.lowConfidenceCommits
        if guessed > 0 {
            text += " \(guessed) of \(report.totals.commits) commits ("
                + ReportNumber.percent(report.totals.lowConfidenceShare(measure, mapping: mapping), decimals: 0)
                + " of the \(measure.phrase)) were classified with low confidence: read the shares as ± that much."
        }
        text += "\n"

        if !report.totalBudget.isEmpty {
            text += "\nBudget (\(measure.phrase), whole range): " + report.totalBudget.map { line in
                "\(line.target) \(ReportNumber.plain(line.budgetPercent)) % → "
                    + (line.actualPercent.map { ReportNumber.plain($0, decimals: 1) + " %" } ?? "–")
                    + (line.differencePoints.map { " (" + ReportNumber.points($0) + ")" } ?? "")
            }.joined(separator: " · ") + "\n"
        }
        if !report.repositories.isEmpty {
            text += "\nBy repository\n" + groupTable(report.repositories.map(\.group), report: report,
                                                     nameTitle: "REPOSITORY")
        }
        if !report.components.isEmpty {
            text += "\nBy component\n" + groupTable(report.components, report: report, nameTitle: "COMPONENT")
        }
        if !report.authors.isEmpty {
            text += "\nBy author\n" + groupTable(report.authors, report: report, nameTitle: "AUTHOR")
            if let gini = report.ktloGini[measure] {
                text += "How evenly people share the KTLO \(measure.phrase): Gini \(ReportNumber.plain(gini))"
                    + " (0 = evenly, near 1 = one person carries it).\n"
            }
        }
        if !report.teams.isEmpty {
            text += "\nBy team\n" + groupTable(report.teams, report: report, nameTitle: "TEAM")
        }
        for warning in warnings { text += "\nwarning: " + TerminalText.sanitized(warning.message) + "\n" }
        return text
    }

    private func groupTable(_ groups: [GroupEffort], report: EffortReport, nameTitle: String) -> String {
        let measure = report.measure, mapping = report.mapping
        var rows: [[String]] = [[nameTitle, "COMMITS", measure.phrase.uppercased(), "KTLO", "SHARE OF ALL KTLO"]]
        for group in groups {
            let name = group.team.map { "\(group.name) [\($0)]" } ?? group.name
            rows.append([TerminalText.fitted(TerminalText.sanitized(name), width: 40, pad: false),
                         ReportNumber.plain(group.summary.effort.bucketedTotal(.commits, mapping: mapping), decimals: 1),
                         ReportNumber.plain(group.summary.effort.bucketedTotal(measure, mapping: mapping), decimals: 1),
                         ReportNumber.percent(group.summary.effort.share(.ktlo, measure, mapping: mapping)),
                         ReportNumber.percent(group.shareOfKTLO[measure])])
        }
        return Self.table(rows, rightAligned: [1, 2, 3, 4])
    }

    /// A 20-character bar of eighths for a 0…1 share.
    private func bar(_ share: Double?) -> String {
        guard let share else { return "" }
        let eighths = Int((share * 160).rounded())
        let blocks = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        let text = String(repeating: "█", count: eighths / 8) + blocks[eighths % 8]
        guard color, !text.isEmpty else { return text }
        // Red from a half of the effort, yellow from a third, green below.
        let code = share >= 0.5 ? "31" : (share >= 1.0 / 3 ? "33" : "32")
        return "\u{1B}[\(code)m" + text + "\u{1B}[0m"
    }

    /// Columns padded to their widest cell (escape sequences take no width).
    static func table(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        func width(_ cell: String) -> Int {
            var count = 0, inEscape = false
            for character in cell {
                if character == "\u{1B}" { inEscape = true; continue }
                if inEscape { if character == "m" { inEscape = false }; continue }
                count += 1
            }
            return count
        }
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? width($0[column]) : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - width(cell))
                return rightAligned.contains(column) ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n") + "\n"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
