import Analysis

/// `--format markdown`: a table of the pairs.
public struct MarkdownCouplingRenderer: CouplingRenderer {
    public init() {}

    public func render(_ report: CouplingReport) -> String {
        var text = "## Change coupling\n\n"
        text += MarkdownCell.row(["File A", "File B", "Shared", "Degree", "Avg. revisions"])
        text += "|---|---|---:|---:|---:|\n"
        for pair in report.couplings {
            text += MarkdownCell.row([MarkdownCell.code(pair.pathA), MarkdownCell.code(pair.pathB), String(pair.shared),
                                      "\(pair.degree) %", String(pair.averageRevisions)])
        }
        text += "\n\(report.couplings.count) \(report.couplings.count == 1 ? "pair" : "pairs") (code-maat's degree: 100 × shared / average revisions).\n"
        return text
    }
}
