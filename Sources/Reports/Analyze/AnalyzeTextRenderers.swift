import Analysis

/// `ktlo analyze --format table`: the effort report (periods, budget, components, people), then the hotspots and
/// the coupling pairs, each as its own command prints it; the warnings once, at the end.
public struct AnalyzeTableRenderer {
    private let color: Bool
    private let width: Int?

    public init(color: Bool = false, width: Int? = nil) {
        self.color = color
        self.width = width
    }

    public func render(_ report: AnalyzeReport) -> String {
        var text = ReportTableRenderer(color: color).render(report.effort, context: report.context, warnings: [])
        text += "\nHotspots — the top \(report.hotspots.hotspots.count) of \(report.hotspots.ranked)\n\n"
        text += TableHotspotsRenderer(width: width).render(report.hotspots)
        text += "\nChange coupling\n\n" + TableCouplingRenderer().render(report.coupling)
        for warning in report.source.warnings { text += "\nwarning: " + TerminalText.sanitized(warning.message) + "\n" }
        return text
    }
}

/// `ktlo analyze --format markdown`: the same sections as Markdown tables, for a wiki page or a pull request.
public struct AnalyzeMarkdownRenderer {
    public init() {}

    public func render(_ report: AnalyzeReport) -> String {
        var text = "# KTLO analysis\n\n"
        text += ReportMarkdownRenderer().render(report.effort, context: report.context, warnings: [])
        text += "\n" + MarkdownHotspotsRenderer().render(report.hotspots)
        text += "\n" + MarkdownCouplingRenderer().render(report.coupling)
        for warning in report.source.warnings { text += "\n> **Warning:** \(MarkdownText.inline(warning.message))\n" }
        return text
    }
}
