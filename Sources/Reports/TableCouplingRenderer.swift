import Analysis

/// `--format table`: the pairs, strongest first.
public struct TableCouplingRenderer: CouplingRenderer {
    public init() {}

    public func render(_ report: CouplingReport) -> String {
        var text = "DEGREE  SHARED  AVG REVS  FILES\n"
        for pair in report.couplings {
            text += TerminalText.rightAligned("\(pair.degree) %", width: 6) + "  "
                + TerminalText.rightAligned(String(pair.shared), width: 6) + "  "
                + TerminalText.rightAligned(String(pair.averageRevisions), width: 8) + "  "
                + TerminalText.sanitized(pair.pathA) + "  ↔  " + TerminalText.sanitized(pair.pathB) + "\n"
        }
        if report.couplings.isEmpty { text += "no pair of files passes the thresholds\n" }
        let options = report.options
        text += "\n\(report.couplings.count) \(report.couplings.count == 1 ? "pair" : "pairs"): changed together in at least \(options.minimumShared) commits, "
            + "at least \(options.minimumDegree) % of their average revisions (at least \(options.minimumRevisions)); "
            + "commits touching more than \(options.maximumChangesetSize) files left out; "
            + "\(report.source.commits) commits\n"
        return text
    }
}
