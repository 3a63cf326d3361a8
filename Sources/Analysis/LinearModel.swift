#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A multinomial logistic regression over named features: the classifier's learned last stage.
///
/// It reads what the rules found (their scores per category and which of them fired) together with the subject's
/// words and the shape of the change, and weighs them as labelled commits taught it: for example that in these
/// projects "teach" opens a feature and "don't" a fix, or how far an edit's shape should outweigh a weak word.
/// Trained offline (`scripts/train-classifier`) and shipped as text in ``shippedText``; nothing is learned at run
/// time and nothing is fetched.
struct LinearModel: Sendable {
    /// The categories the model scores, in the order of each feature's weights.
    let categories: [Category]
    private let intercepts: [Double]
    /// Row `i` of `weights` holds `categories.count` numbers: the weights of the text form's `i`-th feature.
    private let weights: [Double]
    /// Each feature put into words for explanations (``ModelFeatureDescription``), made once when the model is read;
    /// `nil` for features that say nothing a person would act on.
    private let descriptions: [String?]
    /// The mean of each feature's weights: how much it pushes a category above the average one is its weight less
    /// this.
    private let rowMeans: [Double]
    /// Open addressing on the feature name's hash: slot → row, or -1.
    private let slots: [Int32]
    private let slotKeys: [UInt64]
    private let mask: Int

    /// Reads the text form: a `classes` line, an `intercept` line, then one line per feature, its name and its
    /// weights separated by a tab. `nil` if the text is malformed.
    init?(text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).makeIterator()
        guard let classLine = lines.next(), classLine.hasPrefix("classes\t"),
              let interceptLine = lines.next(), interceptLine.hasPrefix("intercept\t") else { return nil }
        let categories = classLine.dropFirst("classes\t".count).split(separator: " ").compactMap {
            Category(rawValue: String($0))
        }
        let intercepts = interceptLine.dropFirst("intercept\t".count).split(separator: " ").compactMap {
            Double(String($0))
        }
        guard !categories.isEmpty, intercepts.count == categories.count else { return nil }
        var names: [String] = [], weights: [Double] = []
        for line in IteratorSequence(lines) {
            guard let tab = line.firstIndex(of: "\t") else { return nil }
            let row = line[line.index(after: tab)...].split(separator: " ").compactMap { Double(String($0)) }
            guard row.count == categories.count else { return nil }
            names.append(String(line[..<tab]))
            weights += row
        }
        var size = 1
        while size < max(names.count, 1) * 2 { size <<= 1 }
        var slots = [Int32](repeating: -1, count: size), slotKeys = [UInt64](repeating: 0, count: size)
        for (row, name) in names.enumerated() {
            guard let key = FeatureHashes.key(ofName: name) else { return nil }
            var slot = Self.slot(key, size - 1)
            while slots[slot] >= 0 && slotKeys[slot] != key { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(row)
            slotKeys[slot] = key
        }
        self.categories = categories
        self.intercepts = intercepts
        self.weights = weights
        descriptions = names.map(ModelFeatureDescription.describe)
        rowMeans = (0..<names.count).map { row in
            weights[row * categories.count..<(row + 1) * categories.count].reduce(0, +) / Double(categories.count)
        }
        self.slots = slots
        self.slotKeys = slotKeys
        mask = size - 1
    }

    /// The model shipped with ktlo, read once.
    static let shipped: LinearModel? = LinearModel(text: shippedText)

    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 17) & mask
    }

    private func row(of key: UInt64) -> Int? {
        var slot = Self.slot(key, mask)
        while slots[slot] >= 0 {
            if slotKeys[slot] == key { return Int(slots[slot]) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// What the model makes of one commit's features.
    struct Verdict {
        /// The most probable category among those allowed.
        let category: Category
        /// Its probability, 0…1.
        let probability: Double
        /// The features that pushed hardest toward it, strongest first (at most three), in words.
        let strongest: [String]
    }

    /// The most probable category of `features`, leaving out categories the caller does not allow (a model never
    /// decides a revert or a merge: the structure rules do).
    func verdict(_ features: FeatureHashes, allowing allowed: (Category) -> Bool) -> Verdict? {
        let width = categories.count
        // The rows of the features the model knows, found once; scores summed on the stack.
        var rows: [Int32] = []
        rows.reserveCapacity(features.hashes.count)
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: width) { logits in
            for column in 0..<width { logits[column] = intercepts[column] }
            weights.withUnsafeBufferPointer { weights in
                for index in features.hashes.indices {
                    guard let row = row(of: features.hashes[index]) else { rows.append(-1); continue }
                    rows.append(Int32(row))
                    let value = features.values[index], base = row * width
                    for column in 0..<width { logits[column] += weights[base + column] * value }
                }
            }
            var best = -1
            for column in 0..<width where allowed(categories[column]) && (best < 0 || logits[column] > logits[best]) {
                best = column
            }
            guard best >= 0 else { return nil }
            // Softmax over the allowed categories, shifted by the best for numerical safety.
            var total = 0.0
            for column in 0..<width where allowed(categories[column]) { total += exp(logits[column] - logits[best]) }
            return Verdict(category: categories[best], probability: 1 / total,
                           strongest: strongest(rows, features.values, toward: best))
        }
    }

    /// The (at most three) features that raised category `column` most above the average category, strongest
    /// first, in words: kept in three slots, without sorting every feature. Features with no words are passed over.
    private func strongest(_ rows: [Int32], _ values: [Double], toward column: Int) -> [String] {
        let width = categories.count
        var top: [(row: Int, push: Double)] = []
        top.reserveCapacity(4)
        for index in rows.indices where rows[index] >= 0 {
            let row = Int(rows[index])
            let push = (weights[row * width + column] - rowMeans[row]) * values[index]
            guard push > 0.05, top.count < 3 || push > top[2].push, descriptions[row] != nil else { continue }
            if top.count == 3 { top.removeLast() }
            let slot = top.firstIndex { $0.push < push } ?? top.count
            top.insert((row, push), at: slot)
        }
        return top.compactMap { descriptions[$0.row] }
    }
}
