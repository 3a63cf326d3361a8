/// The weight each rule gave to each category for one commit, and the clues behind it.
///
/// Weights are kept inline, indexed by category, and the clues in one array: a commit's evidence is built and
/// thrown away millions of times in a long history. No sentence is written here: see ``Reason``.
struct Evidence {
    private var weights = InlineArray<9, Double>(repeating: 0)
    private var clues: [(category: Category, clue: Clue)] = []
    /// True once any rule about the message (not only the churn) gave weight.
    private(set) var hasMessageEvidence = false
    /// True once a word from the configuration matched: the team's instruction, which the rules follow.
    var hasConfiguredWord = false

    mutating func add(_ category: Category, _ weight: Double, _ clue: Clue, fromMessage: Bool = true) {
        guard weight != 0 else { return }
        weights[category.ordinal] += weight
        if clues.isEmpty { clues.reserveCapacity(8) }
        clues.append((category, clue))
        if fromMessage { hasMessageEvidence = true }
    }

    /// Adds evidence whose reason is already written.
    mutating func add(_ category: Category, _ weight: Double, rule: String, _ detail: String,
                      fromMessage: Bool = true) {
        add(category, weight, .written(rule: rule, detail: detail), fromMessage: fromMessage)
    }

    func score(_ category: Category) -> Double { weights[category.ordinal] }

    /// The reasons for `category`, in the order the rules fired.
    func reasons(_ category: Category) -> [Reason] {
        var reasons: [Reason] = []
        appendReasons(category, to: &reasons)
        return reasons
    }

    /// Appends the reasons for `category`, in the order the rules fired, to `reasons`.
    func appendReasons(_ category: Category, to reasons: inout [Reason]) {
        reasons.reserveCapacity(reasons.count + clues.count)
        // By index: a clue is copied (and its words retained) only when it is the category's.
        for index in clues.indices where clues[index].category == category { reasons.append(Reason(clues[index].clue)) }
    }

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

/// A set of categories as bits, compared and built without hashing.
struct CategorySet {
    private var bits: UInt16 = 0

    static let none = CategorySet()

    init() {}

    init(_ category: Category) {
        bits = 1 << category.ordinal
    }

    init(_ categories: [Category]) {
        for category in categories { bits |= 1 << category.ordinal }
    }

    func contains(_ category: Category) -> Bool { bits & (1 << category.ordinal) != 0 }

    mutating func formUnion(_ other: CategorySet) { bits |= other.bits }
}

extension Evidence {
    /// Calls `body` with every rule that gave weight and the category it gave it to, category by category (in the
    /// order they fired within a category).
    func forEachRule(_ body: (String, Category) -> Void) {
        for category in Category.allInOrder {
            for index in clues.indices where clues[index].category == category { body(clues[index].clue.rule, category) }
        }
    }
}
