#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension LinearModel {
    /// Sums the model's weights for one commit's features as they are collected, and gives the verdict.
    ///
    /// Each feature's key is looked up once, as it arrives: no list of keys is built, a feature the model does not
    /// know costs one probe, and only the rows it knows are remembered (for the strongest signs, and so that a word
    /// said twice counts once).
    struct Scorer: FeatureSink {
        static var readsText: Bool { false }

        private let model: LinearModel
        /// One lane per category, as the model's rows (two vectors hold up to sixteen categories).
        private var logits: (SIMD8<Float>, SIMD8<Float>) = (.zero, .zero)
        /// The known features, each once, in the order they came: their rows and values.
        private var found: [(row: Int32, value: Float)] = []

        init(_ model: LinearModel) {
            self.model = model
            for (column, intercept) in model.intercepts.enumerated() {
                if column < 8 { logits.0[column] = Float(intercept) } else { logits.1[column - 8] = Float(intercept) }
            }
            found.reserveCapacity(48)
        }

        mutating func add(_ kind: FeatureKind, _ first: FeaturePart, _ second: FeaturePart, value: Double) {
            // Only a subject's words, their pairs and the rules can come twice ("fix the fix"; a rule firing for two
            // words); every other feature is added once by construction.
            add(key: FeatureKey.key(kind, first.hash, second.hash), value: value,
                once: kind == .subjectWord || kind == .wordPair || kind == .rule)
        }

        /// Adds the feature with this key; with `once`, not if it was added already.
        mutating func add(key: UInt64, value: Double, once: Bool = true) {
            let row = model.row(of: key)
            guard row >= 0, !(once && found.contains { $0.row == row }) else { return }
            let weight = Float(value)
            found.append((row, weight))
            let base = Int(row) * model.lanesPerRow
            logits.0 += model.weights[base] * weight
            if model.lanesPerRow > 1 { logits.1 += model.weights[base + 1] * weight }
        }

        private func logit(_ column: Int) -> Double {
            Double(column < 8 ? logits.0[column] : logits.1[column - 8])
        }

        /// The most probable category of the features added, leaving out the `excluded` categories (a model never
        /// decides a revert or a merge: the structure rules do); `nil` if it scores none of the others.
        func verdict(excluding excluded: CategorySet = .none) -> Verdict? {
            let categories = model.categories
            var best = -1
            for column in categories.indices where !excluded.contains(categories[column])
                && (best < 0 || logit(column) > logit(best)) {
                best = column
            }
            guard best >= 0 else { return nil }
            // Softmax over the allowed categories, shifted by the best for numerical safety.
            var total = 0.0
            for column in categories.indices where !excluded.contains(categories[column]) {
                total += exp(logit(column) - logit(best))
            }
            return Verdict(category: categories[best], probability: 1 / total, strongest: strongest(toward: best))
        }

        /// The (at most three) features that raised category `column` most above the average category, strongest
        /// first: kept in three slots, without sorting every feature. Features with no words are passed over.
        private func strongest(toward column: Int) -> Signs {
            var top: (InlineArray<3, Int32>, InlineArray<3, Double>) = (.init(repeating: -1), .init(repeating: 0))
            var kept = 0
            for feature in found {
                let row = Int(feature.row)
                let push = (Double(model.weights[row * model.lanesPerRow + column / 8][column % 8]) - model.rowMeans[row])
                    * Double(feature.value)
                guard push > 0.05, kept < 3 || push > top.1[2], model.isDescribed[row] else { continue }
                // Insertion into the three slots, the weakest falling out.
                var slot = min(kept, 2)
                while slot > 0 && top.1[slot - 1] < push {
                    top.0[slot] = top.0[slot - 1]
                    top.1[slot] = top.1[slot - 1]
                    slot -= 1
                }
                top.0[slot] = feature.row
                top.1[slot] = push
                kept = min(kept + 1, 3)
            }
            return Signs(model.descriptions, rows: top.0, count: kept)
        }
    }
}
