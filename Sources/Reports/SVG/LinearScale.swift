import Foundation

/// Maps a domain of values linearly onto a range of pixels (which may run backwards, as a y axis does).
struct LinearScale {
    let domain: (lower: Double, upper: Double)
    let range: (start: Double, end: Double)

    init(domain: (lower: Double, upper: Double), range: (start: Double, end: Double)) {
        self.domain = domain
        self.range = range
    }

    /// A scale from 0 to `maximum` rounded up to a tick (1, 2 or 5 × 10ⁿ), so the axis ends on a labelled line.
    static func zeroBased(maximum: Double, range: (start: Double, end: Double), ticks: Int = 5) -> LinearScale {
        let upper = maximum > 0 ? (maximum / niceStep(maximum / Double(ticks))).rounded(.up)
            * niceStep(maximum / Double(ticks)) : 1
        return LinearScale(domain: (0, upper), range: range)
    }

    /// The pixel of `value`; values outside the domain map outside the range.
    func callAsFunction(_ value: Double) -> Double {
        let span = domain.upper - domain.lower
        guard span != 0 else { return range.start }
        return range.start + (value - domain.lower) / span * (range.end - range.start)
    }

    /// Round values from the lower to the upper end of the domain, about `count` of them.
    func ticks(_ count: Int = 5) -> [Double] {
        let span = domain.upper - domain.lower
        guard span > 0, count > 0 else { return [domain.lower] }
        let step = Self.niceStep(span / Double(count))
        var values: [Double] = []
        var value = (domain.lower / step).rounded(.up) * step
        while value <= domain.upper + step * 1e-9 {
            values.append(abs(value) < step * 1e-9 ? 0 : value)
            value += step
        }
        return values
    }

    /// The round step (1, 2 or 5 × 10ⁿ) nearest above `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = pow(10, log10(raw).rounded(.down))
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1.000_001 ? 1 : fraction <= 2.000_001 ? 2 : fraction <= 5.000_001 ? 5 : 10
        return nice * magnitude
    }
}
