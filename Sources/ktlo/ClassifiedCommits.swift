import Analysis
import History

/// Reads records and hands them on classified, in order.
enum ClassifiedCommits {
    /// Records are classified in batches (the classifier's tables stay in the CPU caches, and a batch is spread over
    /// the cores); a batch is handed on when it holds 512 records or has waited 100 ms, so output still streams.
    /// `progress`, when given, advances by one per record read and is cleared at the end.
    static func forEach(in readers: [HistoryReader], classifier: CommitClassifier, progress: ProgressDisplay? = nil,
                        _ body: (ClassifiedCommit) throws -> Void) throws {
        defer { progress?.finish() }
        var batch: [CommitRecord] = []
        let clock = ContinuousClock()
        var batchStarted = clock.now
        func flush() throws {
            for (record, classification) in zip(batch, classifier.classify(batch)) {
                try body(ClassifiedCommit(record: record, classification: classification,
                                          isBot: classifier.isBot(record.author)))
            }
            batch.removeAll(keepingCapacity: true)
        }
        for reader in readers {
            while let record = try reader.next() {
                progress?.advance()
                if batch.isEmpty { batchStarted = clock.now }
                batch.append(record)
                if batch.count >= 512 || clock.now - batchStarted > .milliseconds(100) { try flush() }
            }
        }
        try flush()
    }
}
