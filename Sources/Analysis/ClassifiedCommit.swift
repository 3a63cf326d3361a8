import History

/// A commit's record from Git with the classifier's verdict on it.
public struct ClassifiedCommit: Sendable {
    public let record: CommitRecord
    public let classification: Classification
    /// The author is a bot (by ktlo's rules and the configuration's `bots`): no dev-days.
    public let isBot: Bool

    public init(record: CommitRecord, classification: Classification, isBot: Bool = false) {
        self.record = record
        self.classification = classification
        self.isBot = isBot
    }
}
