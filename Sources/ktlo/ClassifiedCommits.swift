import Analysis
import History

/// Reads records and hands them on classified, in order.
enum ClassifiedCommits {
    /// Records are classified in batches, on other threads while the next batch is read
    /// (``ClassificationStream``); a batch is handed on when it holds 512 records or has waited 100 ms, so output
    /// still streams. `progress`, when given, advances by one per record read and is cleared at the end.
    static func forEach(in readers: [HistoryReader], classifier: CommitClassifier, progress: ProgressDisplay? = nil,
                        _ body: (ClassifiedCommit) throws -> Void) throws {
        defer { progress?.finish() }
        var remaining = readers[...]
        func next() throws -> CommitRecord? {
            while let reader = remaining.first {
                if let record = try reader.next() {
                    progress?.advance()
                    return record
                }
                remaining = remaining.dropFirst()
            }
            return nil
        }
        try ClassificationStream(classifier: classifier).forEach(next) { record, classification in
            try body(ClassifiedCommit(record: record, classification: classification,
                                      isBot: classifier.isBot(record.author)))
        }
    }
}
