/// KTLO, feature and other as stacked shares of each period's effort (KTLO at the bottom, where the eye compares
/// it), with the KTLO budget as a line across.
struct ShareBarsChart {
    /// One period's effort per bucket, in the report's measure.
    struct Bar: Equatable {
        let label: String
        let ktlo: Double
        let feature: Double
        let other: Double

        var total: Double { ktlo + feature + other }
    }

    /// A drawn segment: which bar, which bucket, and its rectangle.
    struct Segment: Equatable {
        let bar: Int
        let bucket: String
        let x: Double
        let y: Double
        let width: Double
        let height: Double
    }

    let bars: [Bar]
    /// The KTLO budget, 0…100, when the team set one.
    let budgetPercent: Double?
    let frame = ChartFrame(width: 720, height: 260, left: 48, right: 12, top: 12, bottom: 28)

    var xScale: BandScale {
        BandScale(count: bars.count, range: (frame.plotLeft, frame.plotRight), padding: bars.count > 40 ? 0.1 : 0.25)
    }

    var yScale: LinearScale { LinearScale(domain: (0, 100), range: (frame.plotBottom, frame.plotTop)) }

    /// The rectangles, bottom up in each bar: KTLO, feature, other. A period without effort has none.
    func segments() -> [Segment] {
        var segments: [Segment] = []
        for (index, bar) in bars.enumerated() where bar.total > 0 {
            var below = 0.0
            for (bucket, value) in [("ktlo", bar.ktlo), ("feature", bar.feature), ("other", bar.other)] where value > 0 {
                let share = value / bar.total * 100
                let top = yScale(below + share), bottom = yScale(below)
                segments.append(Segment(bar: index, bucket: bucket, x: xScale.start(index), y: top,
                                        width: xScale.bandwidth, height: bottom - top))
                below += share
            }
        }
        return segments
    }

    /// The budget line's height, when there is a budget.
    var budgetY: Double? { budgetPercent.map { yScale($0) } }

    func svg(id: String, title: String, description: String) -> String {
        var writer = SVGWriter(width: frame.width, height: frame.height, id: id, title: title, description: description)
        writer.valueAxis(yScale.ticks(4).map { ($0, ChartLabel.percent($0)) }, y: { yScale($0) }, frame: frame)
        for segment in segments() {
            let bar = bars[segment.bar]
            let value = segment.bucket == "ktlo" ? bar.ktlo : segment.bucket == "feature" ? bar.feature : bar.other
            writer.rect(x: segment.x, y: segment.y, width: segment.width, height: segment.height,
                        classes: "s-\(segment.bucket)",
                        tooltip: "\(bar.label): \(segment.bucket) \(ChartLabel.percent(value / bar.total * 100))")
        }
        writer.bandLabels(bars.map(\.label), scale: xScale, frame: frame)
        if let budgetY, let budgetPercent {
            writer.line(x1: frame.plotLeft, y1: budgetY, x2: frame.plotRight, y2: budgetY, classes: "budget")
            writer.text("KTLO budget \(ChartLabel.percent(budgetPercent))", x: frame.plotRight - 4, y: budgetY - 5,
                        anchor: .end, classes: "note")
        }
        return writer.finish()
    }
}
