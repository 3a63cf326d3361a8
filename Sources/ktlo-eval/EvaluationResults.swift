import Foundation
import Analysis

/// Expected and actual categories, with the measures of agreement the classifier issue asks for.
struct EvaluationResults {
    private var pairs: [(expected: Category, actual: Category, group: String, detail: String)] = []

    mutating func add(expected: Category, actual: Category, group: String, detail: String) {
        pairs.append((expected, actual, group, detail))
    }

    /// 6-way: maintenance counts as refactor, revert as fix (the mapping for unlabelled maintenance).
    static func sixWay(_ category: Category) -> String {
        switch category {
        case .maintenance: "refactor"
        case .revert: "fix"
        case .merge: "other"
        default: category.rawValue
        }
    }

    static func bucket(_ category: Category) -> String {
        BucketMapping.standard.bucket(for: category)?.rawValue ?? "none"
    }

    func report(showErrors: Int, sixWay: Bool = true) {
        guard !pairs.isEmpty else {
            print("no commits")
            return
        }
        print("8-way (every category):")
        measure(pairs.map { ($0.expected.rawValue, $0.actual.rawValue) })
        if sixWay {
            print("6-way (maintenance = refactor, revert = fix):")
            measure(pairs.map { (Self.sixWay($0.expected), Self.sixWay($0.actual)) })
        }
        print("3-way (buckets):")
        measure(pairs.map { (Self.bucket($0.expected), Self.bucket($0.actual)) })
        let groups = Set(pairs.map(\.group)).sorted()
        if groups.count > 1 {
            print("By repository (8-way accuracy):")
            for group in groups {
                let inGroup = pairs.filter { $0.group == group }
                let right = inGroup.filter { $0.expected == $0.actual }.count
                print("  \(group): \(percent(right, inGroup.count)) of \(inGroup.count)")
            }
        }
        if showErrors > 0 {
            print("Disagreements:")
            for pair in pairs.filter({ $0.expected != $0.actual }).prefix(showErrors) {
                print("  expected \(pair.expected.rawValue), got \(pair.actual.rawValue): \(pair.detail)")
            }
        }
    }

    private func percent(_ part: Int, _ whole: Int) -> String {
        String(format: "%.1f %%", 100 * Double(part) / Double(max(whole, 1)))
    }

    /// Accuracy, Cohen's κ, per-class precision/recall/F1 and the confusion matrix.
    private func measure(_ labels: [(expected: String, actual: String)]) {
        let classes = Array(Set(labels.flatMap { [$0.expected, $0.actual] })).sorted()
        let total = Double(labels.count)
        let agree = Double(labels.filter { $0.expected == $0.actual }.count)
        var chance = 0.0
        for label in classes {
            let expected = Double(labels.filter { $0.expected == label }.count)
            let actual = Double(labels.filter { $0.actual == label }.count)
            chance += (expected / total) * (actual / total)
        }
        let kappa = chance < 1 ? (agree / total - chance) / (1 - chance) : 1
        print(String(format: "  accuracy %.1f %% (%d of %d), Cohen's kappa %.3f", 100 * agree / total, Int(agree),
                     labels.count, kappa))
        print("  class        precision  recall     F1   support")
        for label in classes {
            let truePositive = Double(labels.filter { $0.expected == label && $0.actual == label }.count)
            let predicted = Double(labels.filter { $0.actual == label }.count)
            let support = Double(labels.filter { $0.expected == label }.count)
            let precision = predicted > 0 ? truePositive / predicted : 0
            let recall = support > 0 ? truePositive / support : 0
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            print(String(format: "  %-12@ %8.1f %% %6.1f %% %6.2f %6d", label as NSString, 100 * precision,
                         100 * recall, f1, Int(support)))
        }
        print("  confusion (rows: expected, columns: classified)")
        print("  " + "".padding(toLength: 12, withPad: " ", startingAt: 0)
            + classes.map { String($0.prefix(6)).padding(toLength: 7, withPad: " ", startingAt: 0) }.joined())
        for expected in classes {
            let cells = classes.map { actual in
                String(labels.filter { $0.expected == expected && $0.actual == actual }.count)
                    .padding(toLength: 7, withPad: " ", startingAt: 0)
            }
            print("  " + expected.padding(toLength: 12, withPad: " ", startingAt: 0) + cells.joined())
        }
    }
}
