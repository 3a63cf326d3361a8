import Analysis
import Git
import History

/// Where a report's history came from.
public struct ReportSource: Sendable {
    /// The repository folder as the user knows it.
    public let repositoryPath: String
    public let head: ObjectID?
    public let branch: String?
    /// The revision whose files were analysed (HEAD, or the tip of the range).
    public let analysedRevision: ObjectID?
    /// The oldest and newest author times of the range (seconds since the epoch), when it had commits.
    public let oldest: Int64?
    public let newest: Int64?
    /// Non-merge commits read.
    public let commits: Int
    public let warnings: [HistoryWarning]

    public init(repositoryPath: String, head: ObjectID?, branch: String?, analysedRevision: ObjectID?,
                oldest: Int64?, newest: Int64?, commits: Int, warnings: [HistoryWarning]) {
        self.repositoryPath = repositoryPath
        self.head = head
        self.branch = branch
        self.analysedRevision = analysedRevision
        self.oldest = oldest
        self.newest = newest
        self.commits = commits
        self.warnings = warnings
    }
}

/// Everything `ktlo hotspots` reports: the ranked files (or folders) with their factors and smells, and the share
/// of the KTLO effort that landed in them.
public struct HotspotsReport: Sendable {
    public let source: ReportSource
    public let grouping: Grouping
    /// The recent window, in days.
    public let recentDays: Int
    /// How many rows were ranked before the top was cut.
    public let ranked: Int
    /// The top rows, best first.
    public let hotspots: [Hotspot]
    public let ktloInHotspots: KtloInHotspots

    public init(source: ReportSource, grouping: Grouping, recentDays: Int, ranked: Int, hotspots: [Hotspot],
                ktloInHotspots: KtloInHotspots) {
        self.source = source
        self.grouping = grouping
        self.recentDays = recentDays
        self.ranked = ranked
        self.hotspots = hotspots
        self.ktloInHotspots = ktloInHotspots
    }
}

/// Everything `ktlo coupling` reports.
public struct CouplingReport: Sendable {
    public let source: ReportSource
    public let grouping: Grouping
    public let options: CouplingOptions
    public let couplings: [CouplingPair]
    public let sumOfCoupling: [SumOfCoupling]

    public init(source: ReportSource, grouping: Grouping, options: CouplingOptions, couplings: [CouplingPair],
                sumOfCoupling: [SumOfCoupling]) {
        self.source = source
        self.grouping = grouping
        self.options = options
        self.couplings = couplings
        self.sumOfCoupling = sumOfCoupling
    }
}

/// Renders a hotspots report in one format.
public protocol HotspotsRenderer {
    func render(_ report: HotspotsReport) -> String
}

/// Renders a coupling report in one format.
public protocol CouplingRenderer {
    func render(_ report: CouplingReport) -> String
}

extension ReportSource {
    /// The shared head of a JSON report: repository, analysed revision, range.
    var jsonMembers: [(String, OrderedJSON)] {
        [
            ("repository", .object([("path", .string(repositoryPath)), ("head", .optional(head?.hex)),
                                    ("branch", .optional(branch))])),
            ("analysed_revision", .optional(analysedRevision?.hex)),
            ("range", .object([("oldest", .optional(oldest.map(Self.utc))), ("newest", .optional(newest.map(Self.utc))),
                               ("commits", .integer(commits))])),
        ]
    }

    var warningsJSON: OrderedJSON {
        .array(warnings.map { .object([("kind", .string($0.kind)), ("message", .string($0.message))]) })
    }

    static func utc(_ seconds: Int64) -> String {
        Timestamp(secondsSinceEpoch: seconds, offsetMinutes: 0).iso8601
    }
}
