import Analysis

/// `--format csv`: one row per coupled pair.
public struct CSVCouplingRenderer: CouplingRenderer {
    public init() {}

    public func render(_ report: CouplingReport) -> String {
        var text = CSVField.row(["path_a", "path_b", "shared", "degree", "average_revisions"])
        for pair in report.couplings {
            text += CSVField.row([CSVField.text(pair.pathA), CSVField.text(pair.pathB), String(pair.shared),
                                  String(pair.degree), String(pair.averageRevisions)])
        }
        return text
    }
}
