import Analysis

/// `--format table`: aligned columns for people; under each row, its smells with the numbers behind them; at the end,
/// the share of the KTLO effort that landed in these hotspots.
public struct TableHotspotsRenderer: HotspotsRenderer {
    private let width: Int?

    /// - Parameter width: the terminal's width; `nil` for no limit.
    public init(width: Int? = nil) {
        self.width = width
    }

    private static let columns: [(title: String, width: Int)] = [
        ("RANK", 4), ("SCORE", 9), ("= FREQ", 6), ("× √CPLX", 7), ("× FIX", 5), ("CHANGES", 7), ("FIXES", 5),
        ("CPLX", 6), ("LOC", 6), ("AUTHORS", 7), ("OWNER", 5),
    ]
    private static let fixedWidth = columns.reduce(0) { $0 + $1.width + 2 }

    public func render(_ report: HotspotsReport) -> String {
        var text = line(Self.columns.map(\.title), path: report.grouping.noun.uppercased())
        for hotspot in report.hotspots {
            let history = hotspot.history
            text += line([
                String(hotspot.rank),
                Self.fixed(hotspot.score, 1),
                Self.fixed(hotspot.factors.frequency, 0),
                Self.fixed(hotspot.factors.complexity, 2),
                Self.fixed(hotspot.factors.fixAttraction, 2),
                String(history.revisions),
                String(history.fixes),
                String(hotspot.metrics.complexity),
                String(hotspot.metrics.codeLines),
                String(history.authors.count),
                "\(Int((history.ownership * 100).rounded()))%",
            ], path: TerminalText.sanitized(hotspot.path))
            for smell in hotspot.smells {
                text += "      " + TerminalText.sanitized("\(smell.kind.rawValue.replacingOccurrences(of: "_", with: " ")): "
                                                         + smell.detail) + "\n"
            }
            if let trend = Self.trend(hotspot) { text += "      trend: " + trend + "\n" }
            if !hotspot.coupled.isEmpty {
                let partners = hotspot.coupled.prefix(3).map { "\($0.path) \($0.degree) % (\($0.shared) shared)" }
                text += "      coupled: " + TerminalText.sanitized(partners.joined(separator: ", ")
                                                                    + (hotspot.coupled.count > 3 ? ", …" : "")) + "\n"
            }
        }
        if report.hotspots.isEmpty {
            text += "no file to rank: none changed in the range, or they are binary, generated or excluded\n"
        }
        text += "\n" + Self.ktloSentence(report.ktloInHotspots) + "\n"
        text += "score = FREQ (changes + recent changes) × √(1 + complexity) × (1 + fix score); "
            + "\(report.ranked) \(report.grouping.noun)\(report.ranked == 1 ? "" : "s") ranked, "
            + "\(report.source.commits) \(report.source.commits == 1 ? "commit" : "commits")\n"
        return text
    }

    private func line(_ cells: [String], path: String) -> String {
        var text = ""
        for (cell, column) in zip(cells, Self.columns) {
            text += TerminalText.rightAligned(cell, width: column.width) + "  "
        }
        let room = width.map { max(10, $0 - Self.fixedWidth) }
        text += room.map { TerminalText.fitted(path, width: $0, pad: false) } ?? path
        return text + "\n"
    }

    /// The complexity at each sampled point, oldest first: "26 → 30 → 44 (2024-01-08 … 2025-06-30)".
    static func trend(_ hotspot: Hotspot) -> String? {
        guard hotspot.trend.count >= 2, let first = hotspot.trend.first, let last = hotspot.trend.last,
              hotspot.trend.contains(where: { $0.complexity > 0 }) else { return nil }
        return "complexity " + hotspot.trend.map { String($0.complexity) }.joined(separator: " → ")
            + " (\(first.time.localDate) … \(last.time.localDate))"
    }

    static func percent(_ share: Double) -> String {
        "\(Int((share * 100).rounded())) %"
    }

    /// "KTLO effort that landed in the top 6: 89 % of dev-days (13.3 of 15.0), 89 % of commits, 79 % of lines
    /// changed", or why there is no such share.
    static func ktloSentence(_ ktlo: KtloInHotspots) -> String {
        guard let commits = ktlo.share(.commits) else {
            return "No KTLO effort in the range: nothing landed in the hotspots."
        }
        // Bots spend no dev-days: a range whose only KTLO came from bots has commits and churn to share, no days.
        let devDays = ktlo.share(.devDays).map {
            "\(percent($0)) of dev-days (\(fixed(ktlo.inHotspots.devDays, 1)) of \(fixed(ktlo.ktlo.devDays, 1))), "
        } ?? ""
        return "KTLO effort that landed in the top \(ktlo.top): \(devDays)\(percent(commits)) of commits, "
            + "\(ktlo.share(.churn).map(percent) ?? "–") of lines changed"
    }

    static func fixed(_ value: Double, _ places: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        var text = places == 0 ? String(Int(rounded)) : "\(rounded)"
        if places > 0 {
            let decimals = text.split(separator: ".").last.map(\.count) ?? 0
            text += String(repeating: "0", count: max(0, places - decimals))
        }
        return text
    }
}
