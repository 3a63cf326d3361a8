import Git
import History

/// A top hotspot that the new commits touched, with its complexity before and after them.
public struct TouchedHotspot: Sendable, Equatable {
    public let path: String
    /// 1-based rank among the hotspots at the analysed revision.
    public let rank: Int
    public let score: Double
    /// Complexity at the base (nil when the file did not exist there) and at the analysed revision.
    public let complexityBefore: Double?
    public let complexityAfter: Double
    /// The new commits that changed it.
    public let commits: [ObjectID]

    public init(path: String, rank: Int, score: Double, complexityBefore: Double?, complexityAfter: Double,
                commits: [ObjectID]) {
        self.path = path
        self.rank = rank
        self.score = score
        self.complexityBefore = complexityBefore
        self.complexityAfter = complexityAfter
        self.commits = commits
    }

    /// Grew in complexity in this range (a file new in the range grew from nothing).
    public var grew: Bool { complexityAfter > (complexityBefore ?? 0) }
}

/// One rule of the gate, checked.
public struct RuleCheck: Sendable, Equatable {
    public enum Rule: String, Sendable, CaseIterable {
        case maxKTLO = "max_ktlo"
        case maxKTLOIncrease = "max_ktlo_increase"
        case hotspotGrowth = "fail_on_hotspot_growth"
    }

    public let rule: Rule
    /// The limit (percent, points; nil for the hotspot rule).
    public let limit: Double?
    /// The measured value (percent, points, or the number of hotspots that grew); nil when there was nothing to
    /// measure (a period without effort, no period before).
    public let actual: Double?
    public let breached: Bool
    /// One sentence with the numbers.
    public let detail: String
}

/// What `ktlo ci` concludes: the run's new commits and their KTLO share, the current period against the period
/// before, the budget and the rules, and the touched hotspots.
public struct CIResult: Sendable {
    public let measure: EffortMeasure
    public let mapping: BucketMapping
    /// The new commits, newest first.
    public let newCommits: [ClassifiedCommit]
    /// Their effort (commits, churn, dev-days of those commits alone).
    public let range: EffortSummary
    /// The period that holds the analysed revision, and the one before it.
    public let currentPeriod: PeriodEffort?
    public let previousPeriod: PeriodEffort?
    public let checks: [RuleCheck]
    public let touchedHotspots: [TouchedHotspot]

    public var breaches: [RuleCheck] { checks.filter(\.breached) }
    public var passed: Bool { breaches.isEmpty }

    /// The range's KTLO share in the headline measure, 0…1.
    public var rangeKTLOShare: Double? { range.effort.share(.ktlo, measure, mapping: mapping) }
}

/// Checks a report and a range against the rules. Pure: every number comes in.
public enum CIGate {
    /// - Parameters:
    ///   - report: the whole analysed history, by period.
    ///   - headPeriod: the period of the analysed revision (its author date, in the author's calendar).
    ///   - range: the new commits' effort (an ``EffortReportBuilder`` over them alone).
    public static func evaluate(report: EffortReport, headPeriod: Period?, newCommits: [ClassifiedCommit],
                                range: EffortSummary, rules: CIRules, touchedHotspots: [TouchedHotspot]) -> CIResult {
        let measure = report.measure, mapping = report.mapping
        let index = headPeriod.flatMap { period in report.periods.firstIndex { $0.period == period } }
        let current = index.map { report.periods[$0] }
        let previous = index.flatMap { $0 > 0 ? report.periods[$0 - 1] : nil }
        var checks: [RuleCheck] = []

        if let limit = rules.maxKTLOPercent {
            let share = current?.summary.effort.share(.ktlo, measure, mapping: mapping).map { $0 * 100 }
            let label = current?.period.label ?? "the current period"
            let breached = share.map { $0 > limit + 1e-9 } ?? false
            let detail = share.map {
                "the KTLO share of \(label) is \(percent($0)) of the \(measure.phrase), "
                    + (breached ? "above" : "within") + " the limit of \(percent(limit))"
            } ?? "\(label) has no \(measure.phrase) to share, so its KTLO share is not measured"
            checks.append(RuleCheck(rule: .maxKTLO, limit: limit, actual: share, breached: breached, detail: detail))
        }
        if let limit = rules.maxKTLOIncreasePoints {
            let points = current?.change?.ktloSharePoints
            let label = current?.period.label ?? "the current period"
            let breached = points.map { $0 > limit + 1e-9 } ?? false
            let detail: String
            if let points, let previous, let before = previous.summary.effort.share(.ktlo, measure, mapping: mapping),
               let now = current?.summary.effort.share(.ktlo, measure, mapping: mapping) {
                detail = "the KTLO share went from \(percent(before * 100)) in \(previous.period.label) to "
                    + "\(percent(now * 100)) in \(label) (\(signedPoints(points))), "
                    + (breached ? "more than" : "within") + " the allowed +\(number(limit)) pt"
            } else {
                detail = "\(label) or the period before has no \(measure.phrase), so the change is not measured"
            }
            checks.append(RuleCheck(rule: .maxKTLOIncrease, limit: limit, actual: points, breached: breached,
                                    detail: detail))
        }
        if rules.failOnHotspotGrowth {
            let grown = touchedHotspots.filter(\.grew)
            let detail = grown.isEmpty
                ? "no top-\(rules.hotspotTop) hotspot grew in complexity in these commits"
                : "\(grown.count) top-\(rules.hotspotTop) hotspot(s) grew in complexity: "
                    + grown.map { hotspot in
                        "\(hotspot.path) (#\(hotspot.rank), \(number(hotspot.complexityBefore ?? 0)) → "
                            + "\(number(hotspot.complexityAfter)))"
                    }.joined(separator: ", ")
            checks.append(RuleCheck(rule: .hotspotGrowth, limit: nil, actual: Double(grown.count),
                                    breached: !grown.isEmpty, detail: detail))
        }
        return CIResult(measure: measure, mapping: mapping, newCommits: newCommits, range: range,
                        currentPeriod: current, previousPeriod: previous, checks: checks,
                        touchedHotspots: touchedHotspots)
    }

    private static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    private static func percent(_ value: Double) -> String { number(value) + " %" }

    private static func signedPoints(_ value: Double) -> String {
        (value < 0 ? "−" + number(-value) : "+" + number(value)) + " pt"
    }
}
