/// Effort in each measure.
public struct Effort: Sendable, Hashable {
    public var commits = 0.0
    public var churn = 0.0
    public var devDays = 0.0

    public init(commits: Double = 0, churn: Double = 0, devDays: Double = 0) {
        self.commits = commits
        self.churn = churn
        self.devDays = devDays
    }

    public subscript(measure: EffortMeasure) -> Double {
        switch measure {
        case .commits: commits
        case .churn: churn
        case .devDays: devDays
        }
    }

    static func + (lhs: Effort, rhs: Effort) -> Effort {
        Effort(commits: lhs.commits + rhs.commits, churn: lhs.churn + rhs.churn, devDays: lhs.devDays + rhs.devDays)
    }

    static func * (lhs: Effort, factor: Double) -> Effort {
        Effort(commits: lhs.commits * factor, churn: lhs.churn * factor, devDays: lhs.devDays * factor)
    }
}
