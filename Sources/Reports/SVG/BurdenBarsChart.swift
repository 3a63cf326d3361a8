/// One horizontal bar per person or component: the KTLO effort they carried, then the rest of their effort, in
/// the report's measure, so the reader sees both who carries the load and how much of their time it takes.
struct BurdenBarsChart {
    struct Row: Equatable {
        let label: String
        let ktlo: Double
        let rest: Double
    }

    struct Segment: Equatable {
        let row: Int
        let part: String
        let x: Double
        let y: Double
        let width: Double
        let height: Double
    }

    let rows: [Row]
    /// The measure's name, for tooltips ("dev-days").
    let unit: String

    static let rowHeight = 22.0
    static let labelLength = 28

    var frame: ChartFrame {
        ChartFrame(width: 720, height: 12 + 28 + Self.rowHeight * Double(max(1, rows.count)), left: 190, right: 16,
                   top: 12, bottom: 28)
    }

    var xScale: LinearScale {
        LinearScale.zeroBased(maximum: rows.map { $0.ktlo + $0.rest }.max() ?? 0,
                              range: (frame.plotLeft, frame.plotRight), ticks: 5)
    }

    var yScale: BandScale { BandScale(count: rows.count, range: (frame.plotTop, frame.plotBottom), padding: 0.25) }

    func segments() -> [Segment] {
        let x = xScale, y = yScale
        var segments: [Segment] = []
        for (index, row) in rows.enumerated() {
            if row.ktlo > 0 {
                segments.append(Segment(row: index, part: "ktlo", x: x(0), y: y.start(index), width: x(row.ktlo) - x(0),
                                        height: y.bandwidth))
            }
            if row.rest > 0 {
                segments.append(Segment(row: index, part: "rest", x: x(row.ktlo), y: y.start(index),
                                        width: x(row.ktlo + row.rest) - x(row.ktlo), height: y.bandwidth))
            }
        }
        return segments
    }

    func svg(id: String, title: String, description: String) -> String {
        let frame = frame, x = xScale, y = yScale
        var writer = SVGWriter(width: frame.width, height: frame.height, id: id, title: title, description: description)
        writer.horizontalValueAxis(x.ticks(5).map { ($0, ChartLabel.count($0)) }, x: { x($0) }, frame: frame)
        for (index, row) in rows.enumerated() {
            writer.text(TerminalText.fitted(row.label, width: Self.labelLength, pad: false), x: frame.plotLeft - 6,
                        y: y.center(index) + 4, anchor: .end, classes: "tick")
        }
        for segment in segments() {
            let row = rows[segment.row]
            let value = segment.part == "ktlo" ? row.ktlo : row.rest
            writer.rect(x: segment.x, y: segment.y, width: segment.width, height: segment.height,
                        classes: segment.part == "ktlo" ? "s-ktlo" : "s-rest",
                        tooltip: "\(row.label): \(segment.part == "ktlo" ? "KTLO" : "other work") "
                            + "\(ChartLabel.count((value * 10).rounded() / 10)) \(unit)")
        }
        return writer.finish()
    }
}
