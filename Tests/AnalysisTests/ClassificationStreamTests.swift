import History
import Testing
@testable import Analysis

/// Records come out of the stream classified, in the order they went in, whatever the batches.
@Suite struct ClassificationStreamTests {
    typealias File = CommitFactory.File

    struct Stop: Error, Equatable {}

    static let classifier = CommitClassifier(adoption: ConventionalCommitAdoption(sample: 100, conforming: 3,
                                                                                   isAdopted: false))

    /// Commits whose subjects number them and lead to different categories.
    static func records(_ count: Int) -> [CommitRecord] {
        let subjects = ["Fix crash in parser", "Add --porcelain option", "Rename foo to bar", "Update README"]
        return (0..<count).map { index in
            CommitFactory.record("\(subjects[index % subjects.count]) \(index)",
                                 files: [File(index % 4 == 3 ? "README.md" : "src/main.c", .modified, index % 50, 2)])
        }
    }

    private func stream(_ records: [CommitRecord], _ stream: ClassificationStream) throws(Stop)
        -> [(CommitRecord, Classification)] {
        var remaining = records[...]
        var out: [(CommitRecord, Classification)] = []
        func next() throws(Stop) -> CommitRecord? { remaining.popFirst() }
        func take(_ record: CommitRecord, _ classification: Classification) throws(Stop) {
            out.append((record, classification))
        }
        try stream.forEach(next, take)
        return out
    }

    @Test(arguments: [0, 1, 511, 512, 513, 1300])
    func keepsTheOrderAndClassifiesEachRecordAsAlone(_ count: Int) throws {
        let records = Self.records(count)
        let out = try stream(records, ClassificationStream(classifier: Self.classifier))
        #expect(out.map(\.0.summary) == records.map(\.summary))
        #expect(out.map(\.1) == records.map(Self.classifier.classify))
        #expect(Set(out.map(\.1.category)).count == (count >= 4 ? 4 : count))
    }

    @Test func aBatchThatWaitedTooLongGoesOnAlone() throws {
        let records = Self.records(40)
        // No wait allowed: every record is its own batch, still in order.
        let out = try stream(records, ClassificationStream(classifier: Self.classifier, maxDelay: .zero))
        #expect(out.map(\.0.summary) == records.map(\.summary))
        #expect(out.map(\.1) == records.map(Self.classifier.classify))
    }

    @Test func aReadingErrorComesAfterWhatWasReadAndABodyErrorAtOnce() {
        let records = Self.records(1300)
        var remaining = records[...]
        var read = 0, handed = 0
        func next() throws(Stop) -> CommitRecord? {
            read += 1
            if read == 1100 { throw Stop() }
            return remaining.popFirst()
        }
        func take(_ record: CommitRecord, _ classification: Classification) throws(Stop) { handed += 1 }
        #expect(throws: Stop()) { try ClassificationStream(classifier: Self.classifier).forEach(next, take) }
        // The 1,099 records read before the failure are all handed on first: a listing shows them.
        #expect(handed == 1099)

        var taken = 0
        remaining = records[...]
        func nextRecord() throws(Stop) -> CommitRecord? { remaining.popFirst() }
        func stopAt700(_ record: CommitRecord, _ classification: Classification) throws(Stop) {
            taken += 1
            if taken == 700 { throw Stop() }
        }
        #expect(throws: Stop()) { try ClassificationStream(classifier: Self.classifier).forEach(nextRecord, stopAt700) }
        #expect(taken == 700)
    }
}
