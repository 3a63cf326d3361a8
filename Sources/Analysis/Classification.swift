/// Why a commit got its category: one rule that fired, in words a person understands.
public struct Reason: Sendable, Hashable, CustomStringConvertible {
    /// A stable identifier of the rule, for example `message.fix-word`.
    public let rule: String
    /// What the rule saw, for example "the subject says 'crash'".
    public let detail: String

    public init(rule: String, detail: String) {
        self.rule = rule
        self.detail = detail
    }

    public var description: String { detail }
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
