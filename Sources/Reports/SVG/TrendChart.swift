/// The KTLO share per period as a line, broken where a period had no effort, with a dot on every period that had
/// some and the budget as a dashed line.
struct TrendChart {
    struct Point: Equatable {
        let label: String
        /// 0…100; `nil` for a period without effort.
        let percent: Double?
    }

    let points: [Point]
    let budgetPercent: Double?
    let frame = ChartFrame(width: 720, height: 220, left: 48, right: 12, top: 12, bottom: 28)

    var xScale: BandScale { BandScale(count: points.count, range: (frame.plotLeft, frame.plotRight), padding: 0) }
    var yScale: LinearScale { LinearScale(domain: (0, 100), range: (frame.plotBottom, frame.plotTop)) }

    /// The polylines: consecutive periods with a share, one run each.
    func runs() -> [[(x: Double, y: Double)]] {
        var runs: [[(x: Double, y: Double)]] = [], current: [(x: Double, y: Double)] = []
        for (index, point) in points.enumerated() {
            if let percent = point.percent {
                current.append((xScale.center(index), yScale(percent)))
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    func svg(id: String, title: String, description: String) -> String {
        var writer = SVGWriter(width: frame.width, height: frame.height, id: id, title: title, description: description)
        writer.valueAxis(yScale.ticks(4).map { ($0, ChartLabel.percent($0)) }, y: { yScale($0) }, frame: frame)
        if let budgetPercent {
            let y = yScale(budgetPercent)
            writer.line(x1: frame.plotLeft, y1: y, x2: frame.plotRight, y2: y, classes: "budget")
            writer.text("budget \(ChartLabel.percent(budgetPercent))", x: frame.plotRight - 4, y: y - 5, anchor: .end,
                        classes: "note")
        }
        for run in runs() {
            writer.polyline(run, classes: "trend")
        }
        let radius = points.count > 60 ? 1.5 : 3
        for (index, point) in points.enumerated() {
            guard let percent = point.percent else { continue }
            writer.circle(cx: xScale.center(index), cy: yScale(percent), r: radius, classes: "dot",
                          tooltip: "\(point.label): KTLO \(ChartLabel.percent(percent))")
        }
        writer.bandLabels(points.map(\.label), scale: xScale, frame: frame)
        return writer.finish()
    }
}
