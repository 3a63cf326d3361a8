/// What a team means to spend its effort on: target shares, by bucket or by category (for example the common
/// 50 % feature, 20 % refactor, 20 % fix, 10 % other).
public struct Budget: Sendable, Equatable {
    /// What a budget line is about.
    public enum Target: Sendable, Hashable, CustomStringConvertible {
        case bucket(Bucket)
        case category(Category)

        public var description: String {
            switch self {
            case .bucket(let bucket): bucket.rawValue
            case .category(let category): category.rawValue
            }
        }
    }

    public struct Line: Sendable, Equatable {
        public let target: Target
        /// The target share, 0…100.
        public let percent: Double

        public init(target: Target, percent: Double) {
            self.target = target
            self.percent = percent
        }
    }

    public let lines: [Line]

    public init(lines: [Line]) {
        self.lines = lines
    }

    /// The name a budget key stands for: `ktlo`, `feature` and `other` are buckets; any other category name is a
    /// category.
    public static func target(named name: String) -> Target? {
        if let bucket = Bucket(rawValue: name) { return .bucket(bucket) }
        if let category = Category(rawValue: name), category != .merge { return .category(category) }
        return nil
    }

    /// The actual against the target for each line, on `effort` in `measure`.
    public func compare(_ effort: EffortTally, _ measure: EffortMeasure, mapping: BucketMapping) -> [Comparison] {
        lines.map { line in
            let actual: Double?
            switch line.target {
            case .bucket(let bucket): actual = effort.share(bucket, measure, mapping: mapping)
            case .category(let category): actual = effort.share(category, measure, mapping: mapping)
            }
            return Comparison(target: line.target, budgetPercent: line.percent, actualPercent: actual.map { $0 * 100 })
        }
    }

    /// One budget line against the effort actually spent.
    public struct Comparison: Sendable, Equatable {
        public let target: Target
        public let budgetPercent: Double
        /// `nil` when there was no effort.
        public let actualPercent: Double?

        /// Actual minus budget, in percentage points.
        public var differencePoints: Double? { actualPercent.map { $0 - budgetPercent } }
    }
}
