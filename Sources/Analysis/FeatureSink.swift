/// Receives the features of one commit, each with a value (1 for the presence of a word or a rule; a number for the
/// rules' scores).
///
/// Two receivers exist: one scores the features by their parts' hashes as they come (``LinearModel/Scorer``), so
/// that a run builds no string per feature, and one joins them into names, for the evaluation tool that trains the
/// model. Both see the same calls, so the features a model was trained on are the features it reads.
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

/// A feature's 64-bit key: its kind's seed mixed with its parts' hashes. A run computes it from the hashes it has
/// (``LinearModel/Scorer``); the model's table computes it from the names it was trained on.
enum FeatureKey {
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
