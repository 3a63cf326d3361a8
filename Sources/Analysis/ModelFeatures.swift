import History

/// Receives the features of one commit: names made of up to four parts, each with a value (1 for the presence of
/// a word or a rule; a number for the rules' scores).
///
/// Two receivers exist: one hashes the parts as they come, so that a run builds no string per feature, and one
/// joins them into text, for the evaluation tool that trains the model. Both see the same calls, so the features
/// a model was trained on are the features it reads.
protocol FeatureSink {
    mutating func add(_ first: String, _ second: String, _ third: String, _ fourth: String, value: Double)
}

extension FeatureSink {
    mutating func add(_ first: String, value: Double = 1) { add(first, "", "", "", value: value) }
    mutating func add(_ first: String, _ second: String, value: Double = 1) { add(first, second, "", "", value: value) }
}

/// The features the learned stage reads from a commit that no earlier rule decided: which rules fired and how
/// strongly, the subject's words, opening word and word pairs, its area, the kinds of files touched and the shape
/// of the churn.
///
/// Changing anything here changes what the shipped model means: retrain it (`scripts/train-classifier`).
enum ModelFeatures {
    static func collect(_ open: CommitClassifier.OpenCommit, into sink: inout some FeatureSink) {
        sink.add("bias")
        let tokens = open.words.tokens
        if let first = tokens.first { sink.add("f:", first) }
        for index in tokens.indices {
            sink.add("s:", tokens[index])
            if index + 1 < tokens.count { sink.add("b:", tokens[index], "_", tokens[index + 1], value: 1) }
        }
        if let area = open.area {
            sink.add("area")
            sink.add("a:", areaHead(area))
        }
        if !open.body.isEmpty { sink.add("body") }
        churn(open, into: &sink)
        for (rule, category) in open.evidence.firedRules { sink.add("r:", rule, ":", category.rawValue, value: 1) }
        if let leader = open.evidence.leader { sink.add("lead:", leader.category.rawValue) }
        for category in Category.allCases {
            let score = open.evidence.score(category)
            // Scores above 10 say nothing more; a quarter keeps them on the scale of the binary features.
            if score > 0 { sink.add("e:", category.rawValue, value: min(score, 10) / 4) }
        }
    }

    /// The area's first path component, lower-cased: "builtin/log.c" → "builtin".
    static func areaHead(_ area: String) -> String {
        let lowered = area.lowercased()
        return lowered.split(separator: "/").first.map(String.init) ?? lowered
    }

    private static func churn(_ open: CommitClassifier.OpenCommit, into sink: inout some FeatureSink) {
        var added = 0, deleted = 0, newFiles = 0, renames = 0, files = 0
        let record = open.record
        for index in record.files.indices {
            let pathClass = open.classes[index].rawValue
            sink.add("p:", pathClass)
            guard open.classes[index] != .generated, record.files[index].counts else { continue }
            files += 1
            added += record.files[index].added
            deleted += record.files[index].deleted
            switch record.files[index].status {
            case .added:
                newFiles += 1
                sink.add("new:", pathClass)
            case .renamed: renames += 1
            case .deleted: sink.add("gone:", pathClass)
            default: break
            }
        }
        sink.add("add:", bins[bin(added)])
        sink.add("del:", bins[bin(deleted)])
        sink.add("files:", bins[bin(files)])
        if newFiles > 0 { sink.add("newfiles") }
        if renames > 0 { sink.add("renames") }
        let ratio = added + deleted == 0 ? "none" : added == 0 ? "del-only" : deleted == 0 ? "add-only"
            : added >= 3 * deleted ? "mostly-add" : deleted >= 3 * added ? "mostly-del" : "balanced"
        sink.add("ratio:", ratio)
    }

    private static let bins = ["0", "1", "2", "3", "4", "5", "6"]

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

/// Joins each feature's parts into its name: what the training script reads.
struct FeatureNames: FeatureSink {
    private(set) var values: [String: Double] = [:]

    mutating func add(_ first: String, _ second: String, _ third: String, _ fourth: String, value: Double) {
        values[first + second + third + fourth] = value
    }
}

/// Hashes each feature's parts as they come (FNV-1a over their bytes in order, so the hash of the parts equals the
/// hash of the joined name), and keeps each feature once.
struct FeatureHashes: FeatureSink {
    private(set) var hashes: [UInt64] = []
    private(set) var values: [Double] = []

    init() {
        hashes.reserveCapacity(64)
        values.reserveCapacity(64)
    }

    mutating func add(_ first: String, _ second: String, _ third: String, _ fourth: String, value: Double) {
        var hash = Self.offset
        func fold(_ part: String) {
            for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* Self.prime }
        }
        fold(first)
        fold(second)
        fold(third)
        fold(fourth)
        guard !hashes.contains(hash) else { return }
        hashes.append(hash)
        values.append(value)
    }

    /// The hash of a whole feature name, as the model's table is keyed.
    static func hash(_ name: String) -> UInt64 {
        var hash = offset
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }

    private static let offset: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3
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
