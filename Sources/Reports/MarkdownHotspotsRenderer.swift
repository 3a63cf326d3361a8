import Analysis

/// `--format markdown`: a table for a CI summary or a planning document.
public struct MarkdownHotspotsRenderer: HotspotsRenderer {
    public init() {}

    public func render(_ report: HotspotsReport) -> String {
        let noun = report.grouping.noun.prefix(1).uppercased() + report.grouping.noun.dropFirst()
        var text = "## Hotspots\n\n"
        text += MarkdownCell.row(["#", noun, "Score", "Changes", "Fixes", "Complexity", "LoC", "Authors", "Smells"])
        text += "|---:|---|---:|---:|---:|---:|---:|---:|---|\n"
        for hotspot in report.hotspots {
            let history = hotspot.history
            text += MarkdownCell.row([
                String(hotspot.rank),
                MarkdownCell.code(hotspot.path),
                TableHotspotsRenderer.fixed(hotspot.score, 1),
                String(history.revisions),
                String(history.fixes),
                String(hotspot.metrics.complexity),
                String(hotspot.metrics.codeLines),
                String(history.authors.count),
                (hotspot.smells.map { MarkdownCell.text("\($0.kind.rawValue): \($0.detail)") }
                    + (TableHotspotsRenderer.trend(hotspot).map { ["trend: " + MarkdownCell.text($0)] } ?? [])
                    + (hotspot.coupled.isEmpty ? [] : ["coupled: " + hotspot.coupled.prefix(3).map {
                        MarkdownCell.code($0.path) + " \($0.degree) %"
                    }.joined(separator: ", ")])).joined(separator: "<br>"),
            ])
        }
        let ktlo = report.ktloInHotspots
        text += "\n" + TableHotspotsRenderer.ktloSentence(ktlo) + "\n\n"
        text += "Score = (changes + recent changes) × √(1 + complexity) × (1 + fix score); "
            + "\(report.ranked) ranked, \(report.source.commits) commits.\n"
        return text
    }
}
