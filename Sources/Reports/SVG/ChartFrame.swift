/// A chart's canvas and the plot area inside its margins, where the axes' labels go.
struct ChartFrame: Equatable {
    let width: Double
    let height: Double
    let left: Double
    let right: Double
    let top: Double
    let bottom: Double

    var plotLeft: Double { left }
    var plotRight: Double { width - right }
    var plotTop: Double { top }
    var plotBottom: Double { height - bottom }
    var plotWidth: Double { plotRight - plotLeft }
    var plotHeight: Double { plotBottom - plotTop }
}

extension SVGWriter {
    /// Horizontal grid lines with their labels left of the plot, one per tick.
    mutating func valueAxis(_ ticks: [(value: Double, label: String)], y: (Double) -> Double, frame: ChartFrame) {
        for tick in ticks {
            let position = y(tick.value)
            line(x1: frame.plotLeft, y1: position, x2: frame.plotRight, y2: position, classes: "grid")
            text(tick.label, x: frame.plotLeft - 6, y: position + 4, anchor: .end, classes: "tick")
        }
        line(x1: frame.plotLeft, y1: frame.plotBottom, x2: frame.plotRight, y2: frame.plotBottom, classes: "axis")
    }

    /// Vertical grid lines with their labels below the plot, one per tick.
    mutating func horizontalValueAxis(_ ticks: [(value: Double, label: String)], x: (Double) -> Double,
                                      frame: ChartFrame) {
        for tick in ticks {
            let position = x(tick.value)
            line(x1: position, y1: frame.plotTop, x2: position, y2: frame.plotBottom, classes: "grid")
            text(tick.label, x: position, y: frame.plotBottom + 16, anchor: .middle, classes: "tick")
        }
        line(x1: frame.plotLeft, y1: frame.plotTop, x2: frame.plotLeft, y2: frame.plotBottom, classes: "axis")
    }

    /// Category labels under a band scale; with more bands than fit, every n-th is labelled (the first always).
    mutating func bandLabels(_ labels: [String], scale: BandScale, frame: ChartFrame, minimumSpacing: Double = 56) {
        let every = BandScale.labelStride(count: labels.count, step: scale.step, minimumSpacing: minimumSpacing)
        for (index, label) in labels.enumerated() where index % every == 0 {
            text(label, x: scale.center(index), y: frame.plotBottom + 16, anchor: .middle, classes: "tick")
        }
    }
}

extension BandScale {
    /// Label every n-th band so that labels stand at least `minimumSpacing` pixels apart.
    static func labelStride(count: Int, step: Double, minimumSpacing: Double) -> Int {
        guard count > 0, step > 0 else { return 1 }
        return max(1, Int((minimumSpacing / step).rounded(.up)))
    }
}

/// Labels for chart values.
enum ChartLabel {
    /// "40 %" from 40.
    static func percent(_ value: Double) -> String {
        "\(Markup.number(value)) %"
    }

    /// "1,200", "3.5", "12k" for large values: short enough for an axis.
    static func count(_ value: Double) -> String {
        if abs(value) >= 10_000 { return "\(Markup.number(value / 1000))k" }
        if value == value.rounded() { return grouped(Int(value)) }
        return Markup.number(value)
    }

    /// "12,345".
    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }
}
