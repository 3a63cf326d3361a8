import Git

/// The three parts of a hotspot's score, whose product is the score: each one is shown so that a person can see
/// why a file ranks where it does.
public struct HotspotFactors: Sendable, Hashable {
    /// Change frequency, recent changes weighted double: revisions + recent revisions.
    public let frequency: Double
    /// √(1 + complexity): complexity counts, with diminishing returns, so a huge file that never changes does not
    /// outrank the files people actually fight with.
    public let complexity: Double
    /// 1 + fix score: a file that keeps attracting fixes, recently above all, weighs more.
    public let fixAttraction: Double

    public init(frequency: Double, complexity: Double, fixAttraction: Double) {
        self.frequency = frequency
        self.complexity = complexity
        self.fixAttraction = fixAttraction
    }

    /// frequency × complexity × fix attraction.
    public var score: Double { frequency * complexity * fixAttraction }

    /// The factors of a file (or folder) with this history and complexity.
    public init(history: EntityHistory, complexity: Int) {
        self.init(frequency: Double(history.revisions + history.recentRevisions),
                  complexity: (1 + Double(max(0, complexity))).squareRoot(),
                  fixAttraction: 1 + history.fixScore)
    }
}

/// The complexity of a file at one commit of its history.
public struct TrendPoint: Sendable, Hashable {
    public let commit: ObjectID
    public let time: Timestamp
    public let complexity: Int
    public let codeLines: Int

    public init(commit: ObjectID, time: Timestamp, complexity: Int, codeLines: Int) {
        self.commit = commit
        self.time = time
        self.complexity = complexity
        self.codeLines = codeLines
    }
}

/// A file that often changes together with a hotspot.
public struct CoupledPartner: Sendable, Hashable {
    public let path: String
    public let degree: Int
    public let shared: Int

    public init(path: String, degree: Int, shared: Int) {
        self.path = path
        self.degree = degree
        self.shared = shared
    }
}

/// A reason to look at a hotspot, with the number behind it.
public struct Smell: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case fixMagnet = "fix_magnet"
        case complexAndChurning = "complex_and_churning"
        case growingComplexity = "growing_complexity"
        case knowledgeIsland = "knowledge_island"
        case coupledToMany = "coupled_to_many"
        case veryLargeFile = "very_large_file"
    }

    public let kind: Kind
    /// The smell in words, with its number: "7 of 12 changes were fixes (fix score 1.84)".
    public let detail: String
    /// The number that decided it (a ratio, a count, lines).
    public let value: Double

    public init(kind: Kind, detail: String, value: Double) {
        self.kind = kind
        self.detail = detail
        self.value = value
    }
}

/// One ranked file (or folder): its history, its size and complexity now, its score and what smells.
public struct Hotspot: Sendable {
    public let rank: Int
    public let history: EntityHistory
    public let metrics: SourceMetrics
    public let factors: HotspotFactors
    /// The files it changes together with (coupling pairs that pass the thresholds), strongest first.
    public var coupled: [CoupledPartner] = []
    /// code-maat's sum of coupling: over the change sets it was in, the number of other rows changed with it.
    public var sumOfCoupling = 0
    /// Complexity at a few commits of the file's history, oldest first (top hotspots, files only).
    public var trend: [TrendPoint] = []
    public var smells: [Smell] = []

    public init(rank: Int, history: EntityHistory, metrics: SourceMetrics, factors: HotspotFactors) {
        self.rank = rank
        self.history = history
        self.metrics = metrics
        self.factors = factors
    }

    public var path: String { history.path }
    public var score: Double { factors.score }
}

/// How much of the range's KTLO effort landed in the top hotspots: the number that tells a planner whether fixing a
/// few files would buy back real time.
public struct KtloInHotspots: Sendable, Hashable {
    /// How many hotspots were counted.
    public let top: Int
    /// The KTLO effort of the whole range.
    public let ktlo: Effort
    /// The part of it that landed in the top hotspots.
    public let inHotspots: Effort

    public init(top: Int, ktlo: Effort, inHotspots: Effort) {
        self.top = top
        self.ktlo = ktlo
        self.inHotspots = inHotspots
    }

    /// inHotspots / ktlo in `measure`; `nil` when the range had no KTLO effort to share.
    public func share(_ measure: EffortMeasure) -> Double? {
        ktlo[measure] > 0 ? inHotspots[measure] / ktlo[measure] : nil
    }
}
