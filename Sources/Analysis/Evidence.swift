/// The weight each rule gave to each category for one commit, and the reasons behind it.
///
/// Kept in arrays indexed by category rather than dictionaries: a commit's evidence is built and thrown away
/// millions of times in a long history.
struct Evidence {
    private var weights = [Double](repeating: 0, count: Category.count)
    fileprivate var reasonsByCategory = [[Reason]](repeating: [], count: Category.count)
    /// True once any rule about the message (not only the churn) gave weight.
    private(set) var hasMessageEvidence = false
    /// True once a word from the configuration matched: the team's instruction, which the rules follow.
    var hasConfiguredWord = false

    mutating func add(_ category: Category, _ weight: Double, rule: String, _ detail: String,
                      fromMessage: Bool = true) {
        guard weight != 0 else { return }
        weights[category.ordinal] += weight
        reasonsByCategory[category.ordinal].append(Reason(rule: rule, detail: detail))
        if fromMessage { hasMessageEvidence = true }
    }

    func score(_ category: Category) -> Double { weights[category.ordinal] }

    func reasons(_ category: Category) -> [Reason] { reasonsByCategory[category.ordinal] }

    /// The best category and the runner-up's score (without sorting everything).
    var leader: (category: Category, score: Double, runnerUp: Double)? {
        var best: Category?, bestScore = 0.0, second = 0.0
        for category in Self.tieOrder {
            let score = weights[category.ordinal]
            if score > bestScore {
                second = bestScore
                best = category
                bestScore = score
            } else if score > second {
                second = score
            }
        }
        return best.map { ($0, bestScore, second) }
    }

    private static let tieOrder: [Category] = [.fix, .refactor, .feature, .maintenance, .docs, .test, .other, .revert,
                                               .merge]
}

extension Category {
    /// Every category in `allCases` order, built once (`allCases` builds its array on each use).
    static let allInOrder = allCases

    /// How many categories there are, for array-indexed tables (`allCases.count` would build the array each time).
    static let count = 9

    /// The category's position in `allCases`, for array-indexed tables.
    var ordinal: Int {
        switch self {
        case .feature: 0
        case .fix: 1
        case .refactor: 2
        case .maintenance: 3
        case .docs: 4
        case .test: 5
        case .revert: 6
        case .merge: 7
        case .other: 8
        }
    }
}

extension Evidence {
    /// Calls `body` with every rule that gave weight and the category it gave it to, category by category.
    func forEachRule(_ body: (String, Category) -> Void) {
        for category in Category.allInOrder {
            for reason in reasonsByCategory[category.ordinal] { body(reason.rule, category) }
        }
    }
}
