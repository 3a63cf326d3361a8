import History

/// A commit's record from Git with the classifier's verdict on it.
public struct ClassifiedCommit: Sendable {
    public let record: CommitRecord
    public let classification: Classification

    public init(record: CommitRecord, classification: Classification) {
        self.record = record
        self.classification = classification
    }
}
