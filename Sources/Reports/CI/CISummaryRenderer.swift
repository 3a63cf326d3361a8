import Analysis
import Git
import History

/// The Markdown summary of a `ktlo ci` run, for a job summary or a merge-request comment: the verdict first, then
/// the rules with their numbers, the new commits, the touched hotspots and the current period against its budget.
/// Repository text is escaped (see ``MarkdownText``).
public struct CISummaryRenderer {
    public init() {}

    public func render(_ result: CIResult, context: CIContext) -> String {
        let measure = result.measure, mapping = result.mapping
        var text = "### ktlo: "
        if result.passed {
            text += result.checks.isEmpty ? "no rules to check\n\n" : "✅ every rule holds\n\n"
        } else {
            text += "❌ \(result.breaches.count) rule(s) breached\n\n"
        }
        let repository = context.repository
        text += "Repository `\(MarkdownText.code(repository.repositoryPath))`"
        if let head = repository.head {
            text += " at `\(head.abbreviated())`"
            if let branch = repository.branch { text += " (`\(MarkdownText.code(branch))`)" }
        }
        text += ". "
        let count = result.newCommits.count
        text += "\(count) new commit" + (count == 1 ? "" : "s")
        text += context.base.map { " since `\($0.abbreviated())`" } ?? " (all visible history)"
        if let share = result.rangeKTLOShare {
            text += ", KTLO share \(ReportNumber.percent(share)) of their \(measure.phrase)"
        }
        text += ".\n"
        for breach in result.breaches {
            text += "\n**Breached** (`\(breach.rule.rawValue)`): \(MarkdownText.inline(breach.detail)).\n"
        }

        if !result.checks.isEmpty {
            text += "\n| Rule | Limit | Actual | Result |\n|---|---:|---:|---|\n"
            for check in result.checks {
                let limit: String, actual: String
                switch check.rule {
                case .maxKTLO:
                    limit = check.limit.map { "≤ " + ReportNumber.plain($0, decimals: 1) + " %" } ?? ""
                    actual = check.actual.map { ReportNumber.plain($0, decimals: 1) + " %" } ?? "–"
                case .maxKTLOIncrease:
                    limit = check.limit.map { "≤ +" + ReportNumber.plain($0, decimals: 1) + " pt" } ?? ""
                    actual = check.actual.map { ReportNumber.points($0) } ?? "–"
                case .hotspotGrowth:
                    limit = "no growth"
                    actual = check.actual.map { ReportNumber.plain($0) + " grew" } ?? "–"
                }
                text += "| `\(check.rule.rawValue)` | \(limit) | \(actual) | "
                    + (check.breached ? "❌ breached" : "✅ holds") + " |\n"
            }
        }

        if let current = result.currentPeriod {
            let share = current.summary.effort.share(.ktlo, measure, mapping: mapping)
            text += "\n**\(current.period.label)** (the current \(current.period.kind.rawValue)): KTLO "
                + ReportNumber.percent(share) + " of " + ReportNumber.plain(
                    current.summary.effort.bucketedTotal(measure, mapping: mapping)) + " \(measure.phrase) in "
                + "\(current.summary.commits) commit" + (current.summary.commits == 1 ? "" : "s")
            if let previous = result.previousPeriod {
                text += "; \(previous.period.label): "
                    + ReportNumber.percent(previous.summary.effort.share(.ktlo, measure, mapping: mapping))
                if let points = current.change?.ktloSharePoints { text += " (\(ReportNumber.points(points)))" }
            }
            text += ".\n"
            if !current.budget.isEmpty {
                text += "\n| Budget | Target | Actual | Difference |\n|---|---:|---:|---:|\n"
                for line in current.budget {
                    text += "| \(line.target) | \(ReportNumber.plain(line.budgetPercent)) % | "
                        + (line.actualPercent.map { ReportNumber.plain($0, decimals: 1) + " %" } ?? "–") + " | "
                        + ReportNumber.points(line.differencePoints) + " |\n"
                }
            }
        }

        if !result.newCommits.isEmpty {
            text += "\n| Commit | Category | Confidence | Author | Lines | Summary |\n|---|---|---:|---|---:|---|\n"
            let shown = result.newCommits.prefix(Self.commitRows)
            for commit in shown {
                let record = commit.record, classification = commit.classification
                let lines = record.isDiffed ? "+\(record.added)/−\(record.deleted)" : "–"
                text += "| `\(record.id.abbreviated())` | \(classification.category.rawValue) | "
                    + "\(Int((classification.confidence * 100).rounded())) % | \(MarkdownText.cell(record.author.name)) | "
                    + "\(lines) | \(MarkdownText.cell(TerminalText.fitted(record.summary, width: 100, pad: false))) |\n"
            }
            if result.newCommits.count > shown.count {
                text += "\n…and \(result.newCommits.count - shown.count) more (the JSON result lists every one).\n"
            }
        }

        if !result.touchedHotspots.isEmpty {
            text += "\n| Hotspot touched | Rank | Score | Complexity | Commits |\n|---|---:|---:|---:|---:|\n"
            for hotspot in result.touchedHotspots {
                let before = hotspot.complexityBefore.map { ReportNumber.plain($0, decimals: 1) } ?? "new"
                text += "| `\(MarkdownText.code(hotspot.path))` | \(hotspot.rank) | "
                    + "\(ReportNumber.plain(hotspot.score)) | \(before) → "
                    + "\(ReportNumber.plain(hotspot.complexityAfter, decimals: 1)) | \(hotspot.commits.count) |\n"
            }
        }
        for warning in context.warnings { text += "\n> **Warning:** \(MarkdownText.inline(warning.message))\n" }
        return text
    }

    /// A summary stays readable: a merge of hundreds of commits lists the newest 50.
    static let commitRows = 50
}
