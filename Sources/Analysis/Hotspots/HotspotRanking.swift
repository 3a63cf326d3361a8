extension SourceMetrics {
    /// A folder's measures: its files' summed (the cyclomatic estimate of a folder sums its files' complexity,
    /// estimated from indentation where a file's language has no scanner).
    public static func combined(_ files: [SourceMetrics]) -> SourceMetrics {
        let languages = Set(files.map(\.language))
        return SourceMetrics(language: languages.count == 1 ? languages.first! : nil,
                             lines: files.reduce(0) { $0 + $1.lines },
                             codeLines: files.reduce(0) { $0 + $1.codeLines },
                             indentation: files.reduce(0) { $0 + $1.indentation },
                             maximumIndentation: files.map(\.maximumIndentation).max() ?? 0,
                             functions: files.reduce(0) { $0 + $1.functions },
                             cyclomatic: files.reduce(0) { $0 + $1.complexity },
                             indentedBlocks: files.reduce(0) { $0 + $1.indentedBlocks })
    }
}

/// Ranks the rows of a history by their hotspot score.
public enum HotspotRanking {
    /// Every row that changed in the range and has measurable content (not binary, not generated), best score
    /// first; ties by path.
    ///
    /// - Parameter metrics: size and complexity per row path; a row without metrics is left out.
    public static func rank(_ histories: [EntityHistory], metrics: [String: SourceMetrics]) -> [Hotspot] {
        let scored = histories.compactMap { history -> (EntityHistory, SourceMetrics, HotspotFactors)? in
            guard history.revisions > 0, let measured = metrics[history.path] else { return nil }
            return (history, measured, HotspotFactors(history: history, complexity: measured.complexity))
        }
        .sorted { ($0.2.score, $1.0.path) > ($1.2.score, $0.0.path) }
        return scored.enumerated().map { index, entry in
            Hotspot(rank: index + 1, history: entry.0, metrics: entry.1, factors: entry.2)
        }
    }

    /// The coupled partners of each row, strongest first.
    public static func partners(_ pairs: [CouplingPair]) -> [String: [CoupledPartner]] {
        var partners: [String: [CoupledPartner]] = [:]
        for pair in pairs {
            partners[pair.pathA, default: []].append(CoupledPartner(path: pair.pathB, degree: pair.degree,
                                                                    shared: pair.shared))
            partners[pair.pathB, default: []].append(CoupledPartner(path: pair.pathA, degree: pair.degree,
                                                                    shared: pair.shared))
        }
        return partners
    }

    /// The share of the range's KTLO effort that landed in `hotspots`.
    public static func ktloInHotspots(_ hotspots: some Collection<Hotspot>, totalEffort: [Bucket: Effort])
        -> KtloInHotspots {
        let landed = hotspots.reduce(Effort()) { $0 + ($1.history.effort[.ktlo] ?? Effort()) }
        return KtloInHotspots(top: hotspots.count, ktlo: totalEffort[.ktlo] ?? Effort(), inHotspots: landed)
    }
}
