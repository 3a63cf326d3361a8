/// The three ways ktlo measures effort (DESIGN.md, "Effort").
public enum EffortMeasure: String, Sendable, CaseIterable, Codable {
    /// Each commit counts 1.
    case commits
    /// Lines added and deleted in files that count (not excluded, not binary).
    case churn
    /// Each (author, day in the author's own offset) with a commit is one dev-day, split equally among that author's
    /// commits of the day; bots spend none.
    case devDays = "dev_days"

    /// How the measure reads in a sentence: "dev-days", "commits", "lines changed".
    public var phrase: String {
        switch self {
        case .commits: "commits"
        case .churn: "lines changed"
        case .devDays: "dev-days"
        }
    }
}

/// Effort per category, in all three measures.
public struct EffortTally: Sendable, Equatable {
    private var values: [EffortMeasure: [Category: Double]] = [:]

    public init() {}

    public mutating func add(_ amount: Double, of measure: EffortMeasure, to category: Category) {
        guard amount != 0 else { return }
        values[measure, default: [:]][category, default: 0] += amount
    }

    public mutating func add(_ other: EffortTally) {
        for (measure, categories) in other.values {
            for (category, amount) in categories { add(amount, of: measure, to: category) }
        }
    }

    /// The effort of one category.
    public func effort(_ category: Category, _ measure: EffortMeasure) -> Double {
        values[measure]?[category] ?? 0
    }

    /// Every category's effort, those with none included as zero.
    public func byCategory(_ measure: EffortMeasure) -> [Category: Double] {
        Dictionary(uniqueKeysWithValues: Category.allCases.map { ($0, effort($0, measure)) })
    }

    /// The effort of the categories a bucket holds.
    public func effort(_ bucket: Bucket, _ measure: EffortMeasure, mapping: BucketMapping) -> Double {
        Category.allCases.filter { mapping.bucket(for: $0) == bucket }.reduce(0) { $0 + effort($1, measure) }
    }

    /// The effort in any bucket (merges, in none, left out): what shares are shares of.
    public func bucketedTotal(_ measure: EffortMeasure, mapping: BucketMapping) -> Double {
        Category.allCases.filter { mapping.bucket(for: $0) != nil }.reduce(0) { $0 + effort($1, measure) }
    }

    /// A bucket's share of the bucketed effort, 0…1; `nil` when there is no effort to share.
    public func share(_ bucket: Bucket, _ measure: EffortMeasure, mapping: BucketMapping) -> Double? {
        let total = bucketedTotal(measure, mapping: mapping)
        return total > 0 ? effort(bucket, measure, mapping: mapping) / total : nil
    }

    /// A category's share of the bucketed effort, 0…1; `nil` when there is no effort to share.
    public func share(_ category: Category, _ measure: EffortMeasure, mapping: BucketMapping) -> Double? {
        let total = bucketedTotal(measure, mapping: mapping)
        return total > 0 ? effort(category, measure) / total : nil
    }
}
