import Git
import History

/// The effort of some commits: what a period, a component, a person or the whole range adds up to.
public struct EffortSummary: Sendable, Equatable {
    /// Non-merge commits.
    public internal(set) var commits = 0
    /// Merge commits (counted, but carrying no effort and in no bucket).
    public internal(set) var merges = 0
    /// Distinct people (bots left out) with a commit.
    public internal(set) var authors = 0
    public internal(set) var effort = EffortTally()
    /// Non-merge commits the classifier could only guess (confidence below 0.5).
    public internal(set) var lowConfidenceCommits = 0
    /// The effort of those guesses, per measure (category merge unused).
    public internal(set) var lowConfidenceEffort = EffortTally()

    public init() {}

    /// The share of `measure`'s bucketed effort that rests on guesses, 0…1; `nil` without effort.
    public func lowConfidenceShare(_ measure: EffortMeasure, mapping: BucketMapping) -> Double? {
        let total = effort.bucketedTotal(measure, mapping: mapping)
        return total > 0 ? lowConfidenceEffort.bucketedTotal(measure, mapping: mapping) / total : nil
    }
}

/// One period of a report.
public struct PeriodEffort: Sendable {
    public let period: Period
    public let summary: EffortSummary
    /// Against the period before (nil for the first).
    public let change: PeriodChange?
    public let budget: [Budget.Comparison]
}

/// How a period moved against the one before it, in the headline measure.
public struct PeriodChange: Sendable, Equatable {
    /// KTLO share now minus before, in percentage points; `nil` when either period has no effort.
    public let ktloSharePoints: Double?
    /// Total effort now against before, in percent; `nil` when the period before had none.
    public let effortPercent: Double?
}

/// The effort of one component, person or team over the whole range.
public struct GroupEffort: Sendable {
    public let name: String
    /// For a person: the mailmapped e-mail; otherwise `nil`.
    public let email: String?
    /// For a person: the team, when teams are configured.
    public let team: String?
    public let summary: EffortSummary
    /// This group's part of all the KTLO effort of the range, 0…1, per measure (nil when there was none).
    public let shareOfKTLO: [EffortMeasure: Double]
}

/// ktlo's answer to "how much of our effort kept the lights on?": effort per period, per category and bucket, in
/// three measures, with breakdowns, the budget and how much of it rests on guesses.
public struct EffortReport: Sendable {
    public let measure: EffortMeasure
    public let calendar: PeriodCalendar
    public let mapping: BucketMapping
    /// Oldest first, with no gap: a period without commits is there with no effort.
    public let periods: [PeriodEffort]
    public let totals: EffortSummary
    public let totalBudget: [Budget.Comparison]
    /// By component, largest effort first (empty unless asked for).
    public let components: [GroupEffort]
    /// By person, largest KTLO effort first (empty unless asked for).
    public let authors: [GroupEffort]
    /// By team, when teams are configured and people are asked for.
    public let teams: [GroupEffort]
    /// By repository, largest effort first, each with its own periods (the report's): only when the commits came
    /// from more than one repository.
    public let repositories: [RepositoryEffort]
    /// How unevenly the KTLO effort is spread over people (Gini coefficient, 0 = evenly, → 1 = one person), per
    /// measure; `nil` with fewer than two people.
    public let ktloGini: [EffortMeasure: Double]
    public let budget: Budget?
}

/// One repository's part of a report over several: its totals and its effort per period.
public struct RepositoryEffort: Sendable {
    /// The repository's name, totals and share of all the KTLO effort.
    public let group: GroupEffort
    /// The report's periods, oldest first; a period without this repository's commits has no effort.
    public let periods: [PeriodEffort]
}
