import History

/// A kind of feature of the learned stage. A feature's name is its kind's prefix followed by its parts (none, one,
/// or two joined by the kind's separator): "bias", "s:crash", "b:fix_crash", "r:message.fix-word:fix".
enum FeatureKind: Int, CaseIterable, Sendable {
    case bias, area, body, newFiles, renames
    case subjectWord, openingWord, wordPair, areaHead, pathClass, newFile, goneFile, added, deleted, files, ratio
    case rule, leader, score

    var prefix: String {
        switch self {
        case .bias: "bias"
        case .area: "area"
        case .body: "body"
        case .newFiles: "newfiles"
        case .renames: "renames"
        case .subjectWord: "s:"
        case .openingWord: "f:"
        case .wordPair: "b:"
        case .areaHead: "a:"
        case .pathClass: "p:"
        case .newFile: "new:"
        case .goneFile: "gone:"
        case .added: "add:"
        case .deleted: "del:"
        case .files: "files:"
        case .ratio: "ratio:"
        case .rule: "r:"
        case .leader: "lead:"
        case .score: "e:"
        }
    }

    /// How many parts follow the prefix.
    var parts: Int {
        switch self {
        case .bias, .area, .body, .newFiles, .renames: 0
        case .wordPair, .rule: 2
        default: 1
        }
    }

    /// Between the two parts: words hold no "_" and rule names no ":", so a name splits back unambiguously.
    var separator: String { self == .rule ? ":" : "_" }
}

/// One part of a feature's name, with its hash computed once (a subject's word serves four features).
struct FeaturePart: Sendable {
    let text: String
    let hash: UInt64

    init(_ text: String) {
        self.text = text
        // FNV-1a over the bytes, read in place (a word is a small string: no copy to the heap).
        var text = text
        hash = text.withUTF8 { bytes in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return hash
        }
    }

    /// A part whose hash is known already (a subject's word, hashed as it was split); its text is only needed by a
    /// sink that writes names.
    init(hash: UInt64, text: String) {
        self.text = text
        self.hash = hash
    }

    static let empty = FeaturePart("")
}

/// Receives the features of one commit, each with a value (1 for the presence of a word or a rule; a number for the
/// rules' scores).
///
/// Two receivers exist: one combines the parts' hashes, so that a run builds no string per feature, and one joins
/// them into names, for the evaluation tool that trains the model. Both see the same calls, so the features a model
/// was trained on are the features it reads.
protocol FeatureSink {
    /// Whether the sink reads the parts' text (names) or only their hashes.
    static var readsText: Bool { get }
    mutating func add(_ kind: FeatureKind, _ first: FeaturePart, _ second: FeaturePart, value: Double)
}

extension FeatureSink {
    mutating func add(_ kind: FeatureKind) { add(kind, .empty, .empty, value: 1) }
    mutating func add(_ kind: FeatureKind, _ first: FeaturePart, value: Double = 1) {
        add(kind, first, .empty, value: value)
    }
}

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
        let words = (0..<subject.count).map {
            FeaturePart(hash: subject.hash(at: $0), text: readsText ? subject.token(at: $0) : "")
        }
        if let first = words.first { sink.add(.openingWord, first) }
        for index in words.indices {
            sink.add(.subjectWord, words[index])
            if index + 1 < words.count { sink.add(.wordPair, words[index], words[index + 1], value: 1) }
        }
        if let area = open.area {
            sink.add(.area)
            sink.add(.areaHead, FeaturePart(areaHead(area)))
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

/// Joins each feature's parts into its name: what the training script reads.
struct FeatureNames: FeatureSink {
    static var readsText: Bool { true }
    private(set) var values: [String: Double] = [:]

    mutating func add(_ kind: FeatureKind, _ first: FeaturePart, _ second: FeaturePart, value: Double) {
        var name = kind.prefix
        if kind.parts >= 1 { name += first.text }
        if kind.parts == 2 { name += kind.separator + second.text }
        values[name] = value
    }
}

/// Combines each feature's kind and parts into one 64-bit key, and keeps each feature once.
struct FeatureHashes: FeatureSink {
    static var readsText: Bool { false }
    private(set) var hashes: [UInt64] = []
    private(set) var values: [Double] = []

    init() {
        hashes.reserveCapacity(64)
        values.reserveCapacity(64)
    }

    mutating func add(_ kind: FeatureKind, _ first: FeaturePart, _ second: FeaturePart, value: Double) {
        let hash = Self.key(kind, first.hash, second.hash)
        // Only a subject's words, their pairs and the rules can come twice ("fix the fix"; a rule firing for two
        // words); every other feature is added once by construction.
        if kind == .subjectWord || kind == .wordPair || kind == .rule, hashes.contains(hash) { return }
        hashes.append(hash)
        values.append(value)
    }

    /// The key of a feature: its kind's seed mixed with each of its parts' hashes.
    static func key(_ kind: FeatureKind, _ first: UInt64, _ second: UInt64) -> UInt64 {
        var key = seeds[kind.rawValue]
        if kind.parts >= 1 { key = mix(key, first) }
        if kind.parts == 2 { key = mix(key, second) }
        return key
    }

    /// The key of a feature's name, as the model's table is built: the name is split back into its kind and parts.
    /// `nil` for a name of no known kind.
    static func key(ofName name: String) -> UInt64? {
        let kinds = FeatureKind.allCases.filter { $0.parts == 0 ? name == $0.prefix : name.hasPrefix($0.prefix) }
        guard let kind = kinds.max(by: { $0.prefix.count < $1.prefix.count }) else { return nil }
        let value = String(name.dropFirst(kind.prefix.count))
        switch kind.parts {
        case 0: return key(kind, 0, 0)
        case 1: return key(kind, FeaturePart(value).hash, 0)
        default:
            let separator = Character(kind.separator)
            // Rule names hold dots and dashes but no ":", so the category follows the last one; words hold no "_".
            guard let split = kind == .rule ? value.lastIndex(of: separator) : value.firstIndex(of: separator) else {
                return nil
            }
            return key(kind, FeaturePart(String(value[..<split])).hash,
                       FeaturePart(String(value[value.index(after: split)...])).hash)
        }
    }

    private static func mix(_ key: UInt64, _ part: UInt64) -> UInt64 {
        var mixed = (key ^ part) &* 0x9E37_79B9_7F4A_7C15
        mixed ^= mixed >> 29
        return mixed
    }

    private static let seeds = FeatureKind.allCases.map { FeaturePart($0.prefix).hash }
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
