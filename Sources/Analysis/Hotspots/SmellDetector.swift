import Foundation

/// Where each smell starts. The defaults are deliberately plain numbers a person can check against the report.
public struct SmellThresholds: Sendable, Hashable {
    /// Fix magnet: at least this many fixes…
    public var fixMagnetFixes = 3
    /// … making at least this share of the changes.
    public var fixMagnetShare = 0.4
    /// Complex and churning: both complexity and revisions in the top quarter of the ranked files…
    public var topShare = 0.25
    /// … with at least this complexity and this many revisions.
    public var complexMinimum = 10
    public var churningMinimum = 5
    /// Growing complexity: the latest sample at least this many times the oldest, and this much higher.
    public var growthRatio = 1.25
    public var growthMinimum = 5
    /// Knowledge island: one author over at least this many changes…
    public var singleAuthorRevisions = 3
    /// … or at least this share of the lines written by people inactive in the recent window.
    public var departedShare = 0.5
    /// Coupled to many: at least this many coupled files.
    public var coupledPartners = 3
    /// Very large file: at least this many lines of code.
    public var largeFileLines = 1000

    public init() {}
}

/// Finds the smells of ranked hotspots; percentiles are taken over all ranked rows.
public struct SmellDetector: Sendable {
    public let thresholds: SmellThresholds
    /// The length of the recent window in days, for the words of the knowledge-island smell.
    public let recentDays: Int
    private let complexities: [Int]
    private let revisions: [Int]

    public init(ranked: [Hotspot], thresholds: SmellThresholds = SmellThresholds(), recentDays: Int = 182) {
        self.thresholds = thresholds
        self.recentDays = recentDays
        complexities = ranked.map(\.metrics.complexity).sorted()
        revisions = ranked.map(\.history.revisions).sorted()
    }

    /// The share of ranked rows whose value is below `value`.
    private static func below(_ value: Int, in sorted: [Int]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return Double(low) / Double(sorted.count)
    }

    /// The smells of `hotspot` (whose ``Hotspot/coupled`` and ``Hotspot/trend`` are filled in already).
    public func smells(of hotspot: Hotspot, isFolder: Bool = false) -> [Smell] {
        let history = hotspot.history
        let complexity = hotspot.metrics.complexity
        var smells: [Smell] = []

        let fixShare = history.revisions > 0 ? Double(history.fixes) / Double(history.revisions) : 0
        if history.fixes >= thresholds.fixMagnetFixes && fixShare >= thresholds.fixMagnetShare {
            smells.append(Smell(kind: .fixMagnet, detail: "\(history.fixes) of \(history.revisions) changes were "
                                    + "fixes (fix score \(Self.decimal(history.fixScore)))", value: fixShare))
        }

        let complexRank = Self.below(complexity, in: complexities)
        let churnRank = Self.below(history.revisions, in: revisions)
        if complexity >= thresholds.complexMinimum && history.revisions >= thresholds.churningMinimum
            && complexRank >= 1 - thresholds.topShare && churnRank >= 1 - thresholds.topShare {
            smells.append(Smell(kind: .complexAndChurning,
                                detail: "complexity \(complexity), above \(Self.percentBelow(complexRank)) of files; "
                                    + "\(history.revisions) changes, more than \(Self.percentBelow(churnRank)) of files",
                                value: Double(complexity)))
        }

        if let first = hotspot.trend.first, let last = hotspot.trend.last, hotspot.trend.count >= 2,
           last.complexity - first.complexity >= thresholds.growthMinimum,
           Double(last.complexity) >= Double(max(1, first.complexity)) * thresholds.growthRatio {
            let growth = Double(last.complexity) / Double(max(1, first.complexity))
            smells.append(Smell(kind: .growingComplexity,
                                detail: "complexity \(first.complexity) → \(last.complexity) "
                                    + "(+\(Self.percent(growth - 1))) since \(first.time.localDate)",
                                value: growth))
        }

        if history.authors.count == 1, let only = history.authors.first,
           history.revisions >= thresholds.singleAuthorRevisions {
            smells.append(Smell(kind: .knowledgeIsland,
                                detail: "one author: every change by \(only.author.name)", value: 1))
        } else if history.authors.count >= 2 && history.departedShare >= thresholds.departedShare {
            let gone = history.authors.filter { history.departedAuthors.contains($0.author) }.count
            smells.append(Smell(kind: .knowledgeIsland,
                                detail: "\(gone) of \(history.authors.count) authors, who wrote "
                                    + "\(Self.percent(history.departedShare)) of its lines, made no commit in the "
                                    + "last \(recentDays) days",
                                value: history.departedShare))
        }

        if hotspot.coupled.count >= thresholds.coupledPartners {
            let listed = hotspot.coupled.prefix(3).map { "\($0.path) \($0.degree) %" }.joined(separator: ", ")
            let more = hotspot.coupled.count > 3 ? ", …" : ""
            smells.append(Smell(kind: .coupledToMany,
                                detail: "changes together with \(hotspot.coupled.count) files: \(listed)\(more)",
                                value: Double(hotspot.coupled.count)))
        }

        if !isFolder && hotspot.metrics.codeLines >= thresholds.largeFileLines {
            smells.append(Smell(kind: .veryLargeFile, detail: "\(hotspot.metrics.codeLines) lines of code",
                                value: Double(hotspot.metrics.codeLines)))
        }
        return smells
    }

    static func percent(_ share: Double) -> String {
        "\(Int((share * 100).rounded())) %"
    }

    /// A share rounded down, so that "above 99 %" never reads "above 100 %" while the file itself is in the count.
    static func percentBelow(_ share: Double) -> String {
        "\(Int((share * 100).rounded(.down))) %"
    }

    static func decimal(_ value: Double) -> String {
        String(format: "%.2f", value)
    }
}
