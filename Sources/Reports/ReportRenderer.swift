import Analysis
import History

/// Turns an effort report into text in one format. Renderers never touch Git or the terminal.
public protocol ReportRenderer {
    func render(_ report: EffortReport, context: RepositoryContext, warnings: [HistoryWarning]) -> String
}

/// Numbers as reports print them.
enum ReportNumber {
    /// Rounded to four decimals, so that JSON and CSV carry exact-looking values rather than binary noise.
    static func rounded(_ value: Double) -> Double {
        (value * 10_000).rounded() / 10_000
    }

    /// "12", "3.5", "0.33" — at most `decimals` decimals, no trailing zeros.
    static func plain(_ value: Double, decimals: Int = 2) -> String {
        let scale = pow10(decimals)
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(format: "%.\(decimals)f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// "43.2 %" from a 0…1 share; "–" for none.
    static func percent(_ share: Double?, decimals: Int = 1) -> String {
        guard let share else { return "–" }
        return String(format: "%.\(decimals)f %%", share * 100)
    }

    /// "+3.1 pt", "−0.4 pt"; empty for none.
    static func points(_ points: Double?) -> String {
        guard let points else { return "" }
        let text = String(format: "%.1f", abs(points))
        return (points < -0.05 ? "−" : "+") + text + " pt"
    }

    private static func pow10(_ exponent: Int) -> Double {
        (0..<exponent).reduce(1) { value, _ in value * 10 }
    }
}

import Foundation
