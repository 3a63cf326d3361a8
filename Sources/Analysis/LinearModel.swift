/// A multinomial logistic regression over named features: the classifier's learned last stage.
///
/// It reads what the rules found (their scores per category and which of them fired) together with the subject's
/// words and the shape of the change, and weighs them as labelled commits taught it: for example that in these
/// projects "teach" opens a feature and "don't" a fix, or how far an edit's shape should outweigh a weak word.
/// Trained offline (`scripts/train-classifier`) and shipped as text in ``shippedText``; nothing is learned at run
/// time and nothing is fetched. A commit is scored by a ``Scorer`` fed its features one at a time.
struct LinearModel: Sendable {
    /// The categories the model scores, in the order of each feature's weights.
    let categories: [Category]
    /// Each category's constant term, in the order of `categories`.
    let intercepts: [Double]
    /// Row `i` holds the weights of the text form's `i`-th feature, one lane per category, in `lanesPerRow` vectors
    /// of eight (one for up to eight categories; unused lanes are 0). `Float` is enough for weights written with
    /// four decimals, and it halves the table in the CPU's caches; a feature then costs one vector multiply-add.
    let weights: [SIMD8<Float>]
    /// How many vectors of eight each row takes: 1 for up to eight categories, 2 beyond.
    let lanesPerRow: Int
    /// Each feature put into words for explanations (``ModelFeatureDescription``), made once when the model is read;
    /// `nil` for features that say nothing a person would act on.
    let descriptions: [String?]
    /// Whether a feature has a description: tested for every feature of a commit, without copying the text.
    let isDescribed: [Bool]
    /// The mean of each feature's weights: how much it pushes a category above the average one is its weight less
    /// this.
    let rowMeans: [Double]
    /// Open addressing on the feature's key (``FeatureKey``), key and row side by side: one cache line per probe.
    private let slots: [Slot]
    private let mask: Int

    private struct Slot {
        var key: UInt64 = 0
        var row: Int32 = -1
    }

    /// Reads the text form: a `classes` line, an `intercept` line, then one line per feature, its name and its
    /// weights separated by a tab. `nil` if the text is malformed (a category named twice among them).
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
        guard !categories.isEmpty, intercepts.count == categories.count,
              Set(categories).count == categories.count else { return nil }
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
        var slots = [Slot](repeating: Slot(), count: size)
        for (row, name) in names.enumerated() {
            guard let key = FeatureKey.key(ofName: name) else { return nil }
            var slot = Self.slot(key, size - 1)
            while slots[slot].row >= 0 && slots[slot].key != key { slot = (slot + 1) & (size - 1) }
            slots[slot] = Slot(key: key, row: Int32(row))
        }
        self.categories = categories
        self.intercepts = intercepts
        let width = categories.count, lanesPerRow = (width + 7) / 8
        var vectors = [SIMD8<Float>](repeating: .zero, count: names.count * lanesPerRow)
        for row in names.indices {
            for column in 0..<width {
                vectors[row * lanesPerRow + column / 8][column % 8] = Float(weights[row * width + column])
            }
        }
        self.weights = vectors
        self.lanesPerRow = lanesPerRow
        descriptions = names.map(ModelFeatureDescription.describe)
        isDescribed = descriptions.map { $0 != nil }
        rowMeans = (0..<names.count).map { row in
            weights[row * categories.count..<(row + 1) * categories.count].reduce(0, +) / Double(categories.count)
        }
        self.slots = slots
        mask = size - 1
    }

    /// The model shipped with ktlo, read once.
    static let shipped: LinearModel? = LinearModel(text: shippedText)

    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 17) & mask
    }

    /// The row of the feature with this key, or -1 when the model does not know it.
    func row(of key: UInt64) -> Int32 {
        slots.withUnsafeBufferPointer { slots in
            var slot = Self.slot(key, mask)
            while true {
                let candidate = slots[slot]
                if candidate.row < 0 || candidate.key == key { return candidate.row }
                slot = (slot + 1) & mask
            }
        }
    }

    /// A scorer for one commit: feed it the commit's features (``ModelFeatures/collect(_:into:)``), then ask it for
    /// the verdict.
    func scorer() -> Scorer { Scorer(self) }

    /// What the model makes of one commit's features.
    struct Verdict {
        /// The most probable category among those allowed.
        let category: Category
        /// Its probability, 0…1.
        let probability: Double
        /// The features that pushed hardest toward it, strongest first (at most three).
        let strongest: Signs
    }

    /// Features of the model, kept as its rows and put into words only when an explanation is read (most runs
    /// read none).
    struct Signs: Sendable {
        private let descriptions: [String?]
        private let rows: InlineArray<3, Int32>
        private let count: Int

        init(_ descriptions: [String?], rows: InlineArray<3, Int32>, count: Int) {
            self.descriptions = descriptions
            self.rows = rows
            self.count = min(count, 3)
        }

        /// The features in words, strongest first.
        var words: [String] { (0..<count).compactMap { descriptions[Int(rows[$0])] } }
    }
}
