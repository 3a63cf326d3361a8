/// Why a commit got its category: one rule that fired, in words a person understands.
///
/// A reason from a rule keeps what the rule saw (a ``Clue``) and writes its sentence when it is read: most runs
/// (reports) never show reasons, and those that do show few of all the commits' reasons at a time.
public struct Reason: Sendable, Hashable, CustomStringConvertible {
    private let clue: Clue

    /// A stable identifier of the rule, for example `message.fix-word`.
    public var rule: String { clue.rule }
    /// What the rule saw, for example "the subject says 'crash'".
    public var detail: String { clue.detail }

    public init(rule: String, detail: String) {
        clue = .written(rule: rule, detail: detail)
    }

    init(_ clue: Clue) {
        self.clue = clue
    }

    public var description: String { detail }

    public static func == (lhs: Reason, rhs: Reason) -> Bool {
        lhs.rule == rhs.rule && lhs.detail == rhs.detail
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rule)
        hasher.combine(detail)
    }
}

/// A commit's category, its bucket, how sure the classifier is, and why.
public struct Classification: Sendable, Hashable {
    public let category: Category
    /// `nil` for merges, which are in no bucket.
    public let bucket: Bucket?
    /// 0…1: how strongly the evidence points to this category rather than another.
    public let confidence: Double
    /// The rules that fired, the deciding one first.
    public let reasons: [Reason]

    /// Below this confidence a classification is a guess, and reports say how many such guesses they hold.
    public static let lowConfidenceThreshold = 0.5

    public init(category: Category, bucket: Bucket?, confidence: Double, reasons: [Reason]) {
        self.category = category
        self.bucket = bucket
        self.confidence = (min(1, max(0, confidence)) * 100).rounded() / 100
        self.reasons = reasons
    }

    public var isLowConfidence: Bool { confidence < Self.lowConfidenceThreshold }
}
