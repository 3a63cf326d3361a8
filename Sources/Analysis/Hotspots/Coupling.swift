/// What the walk counted for change coupling: per row, the change sets it was in; per pair, the change sets they
/// shared. Only change sets of at most `maxChangesetSize` rows are counted, as in code-maat.
public struct CouplingCounts: Sendable {
    public struct Pair: Sendable, Hashable {
        public let first: Int
        public let second: Int
        public let shared: Int
    }

    public let rows: [String]
    /// Per row: the (not too large) change sets it was in.
    public let revisions: [Int]
    /// Per row: code-maat's sum of coupling, Σ over its change sets of (the change set's size − 1).
    public let sumOfCoupling: [Int]
    public let pairs: [Pair]

    public init(rows: [String], revisions: [Int], sumOfCoupling: [Int], pairs: [Pair]) {
        self.rows = rows
        self.revisions = revisions
        self.sumOfCoupling = sumOfCoupling
        self.pairs = pairs
    }
}

/// code-maat's filters for a coupling to be reported.
public struct CouplingOptions: Sendable, Hashable {
    /// The pair's average revisions must reach this.
    public var minimumRevisions = 5
    /// The pair must have changed together at least this often.
    public var minimumShared = 5
    /// The degree (in percent) must reach this.
    public var minimumDegree = 30
    /// The degree must not exceed this.
    public var maximumDegree = 100
    /// Commits touching more files (rows) than this are left out (a reformat couples everything to everything).
    public var maximumChangesetSize = 30

    public init() {}
}

/// Two files that change together.
public struct CouplingPair: Sendable, Hashable {
    public let pathA: String
    public let pathB: String
    /// Change sets that touched both.
    public let shared: Int
    /// code-maat's degree: 100 × shared / average revisions, cut to an integer.
    public let degree: Int
    /// The average of the two files' revisions, rounded up (as code-maat prints it).
    public let averageRevisions: Int

    public init(pathA: String, pathB: String, shared: Int, degree: Int, averageRevisions: Int) {
        self.pathA = pathA
        self.pathB = pathB
        self.shared = shared
        self.degree = degree
        self.averageRevisions = averageRevisions
    }

    /// The other file of the pair.
    public func partner(of path: String) -> String? {
        path == pathA ? pathB : (path == pathB ? pathA : nil)
    }
}

/// A row's sum of coupling.
public struct SumOfCoupling: Sendable, Hashable {
    public let path: String
    public let sum: Int
}

public enum CouplingAnalysis {
    /// code-maat's coupling: every pair that passes the filters, by degree then average revisions, strongest first.
    public static func pairs(_ counts: CouplingCounts, options: CouplingOptions = CouplingOptions()) -> [CouplingPair] {
        var result: [CouplingPair] = []
        for pair in counts.pairs {
            let average = Double(counts.revisions[pair.first] + counts.revisions[pair.second]) / 2
            guard average > 0 else { continue }
            let degree = 100 * Double(pair.shared) / average
            guard average >= Double(options.minimumRevisions), pair.shared >= options.minimumShared,
                  degree >= Double(options.minimumDegree), degree.rounded(.down) <= Double(options.maximumDegree)
            else { continue }
            let (a, b) = (counts.rows[pair.first], counts.rows[pair.second])
            result.append(CouplingPair(pathA: min(a, b), pathB: max(a, b), shared: pair.shared,
                                       degree: Int(degree.rounded(.down)),
                                       averageRevisions: Int(average.rounded(.up))))
        }
        return result.sorted {
            ($0.degree, $0.averageRevisions, $1.pathA, $1.pathB) > ($1.degree, $1.averageRevisions, $0.pathA, $0.pathB)
        }
    }

    /// code-maat's sum of coupling per row, largest first; rows whose sum does not exceed `minimumRevisions` are
    /// left out, as code-maat leaves them out.
    public static func sumOfCoupling(_ counts: CouplingCounts, minimumRevisions: Int = 5) -> [SumOfCoupling] {
        zip(counts.rows, counts.sumOfCoupling)
            .filter { $0.1 > minimumRevisions }
            .map { SumOfCoupling(path: $0.0, sum: $0.1) }
            .sorted { ($0.sum, $1.path) > ($1.sum, $0.path) }
    }
}
