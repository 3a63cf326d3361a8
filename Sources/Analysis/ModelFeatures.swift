import History

/// The features the learned stage reads from a commit that no earlier rule decided: which rules fired and how
/// strongly, the subject's words, opening word and word pairs, its area, the kinds of files touched and the shape
/// of the churn.
///
/// Changing anything here changes what the shipped model means: retrain it (`scripts/train-classifier`).
enum ModelFeatures {
    static func collect(_ open: CommitClassifier.OpenCommit, into sink: inout some FeatureSink) {
        sink.add(.bias)
        // The words' hashes are FNV-1a of their lower-cased bytes, as FeaturePart hashes text: no string is built
        // for a run, and the names the training script reads hash to the same keys.
        let subject = open.words
        let readsText = type(of: sink).readsText
        func word(_ index: Int) -> FeaturePart {
            FeaturePart(hash: subject.hash(at: index), text: readsText ? subject.token(at: index) : "")
        }
        if !subject.isEmpty {
            var current = word(0)
            sink.add(.openingWord, current)
            for index in 0..<subject.count {
                sink.add(.subjectWord, current)
                guard index + 1 < subject.count else { break }
                let next = word(index + 1)
                sink.add(.wordPair, current, next, value: 1)
                current = next
            }
        }
        if let area = open.area {
            sink.add(.area)
            sink.add(.areaHead, areaHead(area, readsText: readsText))
        }
        if !open.body.isEmpty { sink.add(.body) }
        churn(open, into: &sink)
        open.evidence.forEachRule { rule, category in
            sink.add(.rule, FeaturePart(rule), categoryParts[category.ordinal], value: 1)
        }
        if let leader = open.evidence.leader { sink.add(.leader, categoryParts[leader.category.ordinal]) }
        for category in Category.allInOrder {
            let score = open.evidence.score(category)
            // Scores above 10 say nothing more; a quarter keeps them on the scale of the binary features.
            if score > 0 { sink.add(.score, categoryParts[category.ordinal], value: min(score, 10) / 4) }
        }
    }

    /// The area's first path component, lower-cased: "builtin/log.c" → "builtin".
    static func areaHead(_ area: String) -> String {
        let lowered = area.lowercased()
        return lowered.split(separator: "/").first.map(String.init) ?? lowered
    }

    /// ``areaHead(_:)`` as a feature's part. An ASCII area is hashed from its bytes, folded as they are read,
    /// without the lower-cased copy (the same bytes, so the same hash); other text goes through `lowercased()`.
    private static func areaHead(_ area: String, readsText: Bool) -> FeaturePart {
        if !readsText, area.utf8.allSatisfy({ $0 < 0x80 }) {
            return FeaturePart(hash: WordHash.head(ofASCII: area.utf8), text: "")
        }
        return FeaturePart(areaHead(area))
    }

    private static func churn(_ open: CommitClassifier.OpenCommit, into sink: inout some FeatureSink) {
        var added = 0, deleted = 0, newFiles = 0, renames = 0, files = 0
        let record = open.record
        // Which classes of files were touched, added and deleted, as bits: each is a feature once, however many
        // files share it.
        var touched = 0, created = 0, removed = 0
        for index in record.files.indices {
            let bit = 1 << open.classes[index].ordinal
            touched |= bit
            guard open.classes[index] != .generated, record.files[index].counts else { continue }
            files += 1
            added += record.files[index].added
            deleted += record.files[index].deleted
            switch record.files[index].status {
            case .added:
                newFiles += 1
                created |= bit
            case .renamed: renames += 1
            case .deleted: removed |= bit
            default: break
            }
        }
        for ordinal in pathParts.indices where touched & (1 << ordinal) != 0 {
            sink.add(.pathClass, pathParts[ordinal])
            if created & (1 << ordinal) != 0 { sink.add(.newFile, pathParts[ordinal]) }
            if removed & (1 << ordinal) != 0 { sink.add(.goneFile, pathParts[ordinal]) }
        }
        sink.add(.added, bins[bin(added)])
        sink.add(.deleted, bins[bin(deleted)])
        sink.add(.files, bins[bin(files)])
        if newFiles > 0 { sink.add(.newFiles) }
        if renames > 0 { sink.add(.renames) }
        let ratio = added + deleted == 0 ? 0 : added == 0 ? 1 : deleted == 0 ? 2
            : added >= 3 * deleted ? 3 : deleted >= 3 * added ? 4 : 5
        sink.add(.ratio, ratios[ratio])
    }

    private static let bins = (0...6).map { FeaturePart(String($0)) }
    private static let ratios = ["none", "del-only", "add-only", "mostly-add", "mostly-del", "balanced"]
        .map(FeaturePart.init)
    private static let categoryParts = Category.allInOrder.map { FeaturePart($0.rawValue) }
    private static let pathParts = PathClass.allCases.map { FeaturePart($0.rawValue) }

    /// Counts in roughly logarithmic bins: 0, 1–3, 4–10, 11–30, 31–100, 101–300, more.
    private static func bin(_ value: Int) -> Int {
        switch value {
        case ...0: 0
        case 1...3: 1
        case 4...10: 2
        case 11...30: 3
        case 31...100: 4
        case 101...300: 5
        default: 6
        }
    }
}

extension PathClass {
    /// The class's position in `allCases`, for array-indexed tables.
    fileprivate var ordinal: Int {
        switch self {
        case .code: 0
        case .test: 1
        case .docs: 2
        case .build: 3
        case .ci: 4
        case .dependencies: 5
        case .generated: 6
        case .other: 7
        }
    }
}

extension CommitClassifier {
    /// The learned stage's features of a commit, by name (for training the model), or `nil` when an earlier rule
    /// decides the commit.
    public func modelFeatures(_ record: CommitRecord) -> [String: Double]? {
        guard case .open(let open) = triage(record) else { return nil }
        var names = FeatureNames()
        ModelFeatures.collect(open, into: &names)
        return names.values
    }
}
