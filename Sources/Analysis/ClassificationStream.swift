import Dispatch
import History
import Synchronization

/// Hands records on classified and in their order, classifying each batch on other threads while the caller reads
/// the next one.
///
/// A run reads its history on the calling thread (from the cache, or waiting for the diff workers); classifying a
/// batch there would stop the reading for as long. Here a full batch goes to the background and is handed on when
/// the next one is full, so the two overlap: classification then adds to a run only what the cores cannot absorb.
/// Batches (``CommitClassifier/classify(_:)-([CommitRecord])``) keep the classifier's tables in the CPU caches.
public struct ClassificationStream {
    private let classifier: CommitClassifier
    private let batchSize: Int
    private let maxDelay: Duration

    /// A batch is handed on when it holds `batchSize` records or its first record has waited `maxDelay`, so that
    /// output still streams when the history is read slowly.
    public init(classifier: CommitClassifier, batchSize: Int = 512, maxDelay: Duration = .milliseconds(100)) {
        self.classifier = classifier
        self.batchSize = max(1, batchSize)
        self.maxDelay = maxDelay
    }

    /// Calls `body` with every record `next` gives, classified, in the order they were read. An error of `body` ends
    /// the walk at once; an error of `next` ends it after the records already read are handed on (a listing shows
    /// everything up to the failure).
    public func forEach<Failure: Error>(_ next: () throws(Failure) -> CommitRecord?,
                                        _ body: (CommitRecord, Classification) throws(Failure) -> Void) throws(Failure) {
        let clock = ContinuousClock()
        var batch: [CommitRecord] = []
        var batchStarted = clock.now
        var pending: PendingBatch?
        // Whatever ends the walk, no classification is left running behind it.
        defer { pending?.wait() }
        func handOn(_ pending: PendingBatch) throws(Failure) {
            let classifications = pending.wait()
            for index in pending.records.indices { try body(pending.records[index], classifications[index]) }
        }
        var readingFailure: Failure?
        while true {
            let read: CommitRecord?
            do throws(Failure) { read = try next() } catch {
                readingFailure = error
                break
            }
            guard let record = read else { break }
            if batch.isEmpty { batchStarted = clock.now }
            batch.append(record)
            guard batch.count >= batchSize || clock.now - batchStarted > maxDelay else { continue }
            if let previous = pending {
                pending = nil
                try handOn(previous)
            }
            pending = PendingBatch(batch, classifier: classifier)
            batch = []
            batch.reserveCapacity(batchSize)
        }
        if let previous = pending {
            pending = nil
            try handOn(previous)
        }
        // The last, partial batch: nothing is left to read while it is classified.
        let classifications = classifier.classify(batch)
        for index in batch.indices { try body(batch[index], classifications[index]) }
        if let readingFailure { throw readingFailure }
    }
}

/// One batch being classified in the background.
private final class PendingBatch: Sendable {
    let records: [CommitRecord]
    private let classifications = Mutex<[Classification]>([])
    private let done = DispatchSemaphore(value: 0)

    init(_ records: [CommitRecord], classifier: CommitClassifier) {
        self.records = records
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let result = classifier.classify(records)
            classifications.withLock { $0 = result }
            done.signal()
        }
    }

    /// The batch's classifications, once they are made. Called once for the result, and again only by the
    /// stream's clean-up (which then returns at once).
    @discardableResult
    func wait() -> [Classification] {
        done.wait()
        // Let a later wait through too.
        done.signal()
        return classifications.withLock { $0 }
    }
}
