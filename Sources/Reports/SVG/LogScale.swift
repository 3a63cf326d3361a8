import Foundation

/// Maps counts that span orders of magnitude (changes, complexity) onto pixels by log₁₀(1 + value), so that 0 has
/// a place and a file with 5,000 changes does not squeeze every other file into a corner.
struct LogScale {
    let upper: Double
    let range: (start: Double, end: Double)

    /// A scale from 0 to the power of ten at or above `maximum`.
    init(maximum: Double, range: (start: Double, end: Double)) {
        var upper = 10.0
        while upper < maximum { upper *= 10 }
        self.upper = upper
        self.range = range
    }

    func callAsFunction(_ value: Double) -> Double {
        let position = log10(1 + max(0, value)) / log10(1 + upper)
        return range.start + position * (range.end - range.start)
    }

    /// 0 and each power of ten up to the upper end: 0, 1, 10, 100, …
    func ticks() -> [Double] {
        var values: [Double] = [0, 1]
        var value = 10.0
        while value <= upper {
            values.append(value)
            value *= 10
        }
        return values
    }
}
