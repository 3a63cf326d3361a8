import Analysis

/// `--format csv`: one row per hotspot (RFC 4180, CRLF, a header row; text cells safe from formula injection).
public struct CSVHotspotsRenderer: HotspotsRenderer {
    public init() {}

    public func render(_ report: HotspotsReport) -> String {
        var text = CSVField.row([
            "rank", "path", "score", "revisions", "recent_revisions", "churn", "authors", "main_author", "ownership",
            "fixes", "fix_score", "ktlo_share_dev_days", "loc", "complexity", "complexity_source",
            "indentation_complexity", "first_changed", "last_changed", "factor_frequency", "factor_complexity",
            "factor_fix_attraction", "coupled", "smells", "sum_of_coupling", "trend",
        ])
        for hotspot in report.hotspots {
            let history = hotspot.history, metrics = hotspot.metrics
            text += CSVField.row([
                String(hotspot.rank),
                CSVField.text(hotspot.path),
                Self.number(hotspot.score, 2),
                String(history.revisions),
                String(history.recentRevisions),
                String(history.churn),
                String(history.authors.count),
                CSVField.text(history.mainAuthor?.author.name ?? ""),
                Self.number(history.ownership),
                String(history.fixes),
                Self.number(history.fixScore),
                Self.number(history.ktloShare(.devDays)),
                String(metrics.codeLines),
                String(metrics.complexity),
                !report.grouping.isFile ? "sum" : (metrics.cyclomatic == nil ? "indentation" : "cyclomatic"),
                Self.number(metrics.indentation, 2),
                history.firstChange?.iso8601 ?? "",
                history.lastChange?.iso8601 ?? "",
                Self.number(hotspot.factors.frequency),
                Self.number(hotspot.factors.complexity),
                Self.number(hotspot.factors.fixAttraction),
                CSVField.text(hotspot.coupled.map { "\($0.path) \($0.degree)%" }.joined(separator: "; ")),
                CSVField.text(hotspot.smells.map { "\($0.kind.rawValue): \($0.detail)" }.joined(separator: "; ")),
                String(hotspot.sumOfCoupling),
                hotspot.trend.map { "\($0.time.localDate) \($0.complexity)" }.joined(separator: "; "),
            ])
        }
        return text
    }

    /// A decimal with at most `places` digits after the point, no exponent.
    static func number(_ value: Double, _ places: Int = 4) -> String {
        guard value.isFinite else { return "" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return "\(rounded)"
    }
}
