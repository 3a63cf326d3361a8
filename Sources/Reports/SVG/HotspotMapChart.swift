/// The hotspot map: each file a circle placed by how often it changed (x) and how complex it is (y), both on
/// logarithmic axes, sized by its lines of code and coloured by the share of its changes that were fixes. The top
/// files carry their names; the rest are in the table beside the chart.
struct HotspotMapChart {
    struct Point: Equatable {
        let path: String
        let revisions: Int
        let complexity: Int
        let linesOfCode: Int
        let fixes: Int
        /// Named on the chart.
        let labelled: Bool

        /// fixes / revisions, 0…1.
        var fixShare: Double { revisions > 0 ? Double(fixes) / Double(revisions) : 0 }
    }

    /// A drawn circle.
    struct Mark: Equatable {
        let point: Int
        let cx: Double
        let cy: Double
        let r: Double
        let tone: Int
    }

    let points: [Point]
    let frame = ChartFrame(width: 720, height: 420, left: 56, right: 16, top: 16, bottom: 44)

    /// The fix-share bands of the five colours: below 10 %, 25 %, 40 %, 60 %, and above.
    static let toneLimits: [Double] = [0.1, 0.25, 0.4, 0.6]
    static let smallestRadius = 3.0, largestRadius = 20.0

    var xScale: LogScale {
        LogScale(maximum: Double(points.map(\.revisions).max() ?? 1), range: (frame.plotLeft, frame.plotRight))
    }

    var yScale: LogScale {
        LogScale(maximum: Double(points.map(\.complexity).max() ?? 1), range: (frame.plotBottom, frame.plotTop))
    }

    /// The colour band of a fix share: 0 (few fixes) … 4 (mostly fixes).
    static func tone(_ fixShare: Double) -> Int {
        toneLimits.firstIndex { fixShare < $0 } ?? toneLimits.count
    }

    /// The circles, largest first so that small files stay visible on top of large ones. The area grows with the
    /// lines of code: the radius with their square root, the largest file getting ``largestRadius``.
    func marks() -> [Mark] {
        let largest = Double(max(1, points.map(\.linesOfCode).max() ?? 1))
        let x = xScale, y = yScale
        return points.enumerated().map { index, point in
            let radius = Self.smallestRadius + (Self.largestRadius - Self.smallestRadius)
                * (Double(max(0, point.linesOfCode)) / largest).squareRoot()
            return Mark(point: index, cx: x(Double(point.revisions)), cy: y(Double(point.complexity)), r: radius,
                        tone: Self.tone(point.fixShare))
        }.sorted { ($0.r, $1.point) > ($1.r, $0.point) }
    }

    /// A file's name placed on the chart.
    struct Label: Equatable {
        let point: Int
        let text: String
        let x: Double
        let y: Double
        let anchor: SVGWriter.Anchor
    }

    /// About how wide a character of the labels' 11 px bold font is: enough to keep labels apart.
    static let characterWidth = 6.6, labelHeight = 12.0

    /// Names for the labelled files, best score first, each right of its circle, else left, above or below —
    /// wherever it overlaps no name placed before it and stays inside the chart. A name that fits nowhere is left
    /// out (the file is in the table); an unreadable pile of names helps nobody.
    func labels() -> [Label] {
        let marks = Dictionary(uniqueKeysWithValues: marks().map { ($0.point, $0) })
        var placed: [Label] = [], boxes: [(x0: Double, y0: Double, x1: Double, y1: Double)] = []
        for (index, point) in points.enumerated() where point.labelled {
            guard let mark = marks[index] else { continue }
            let text = String(point.path.split(separator: "/").last ?? Substring(point.path))
            let width = Double(text.count) * Self.characterWidth, height = Self.labelHeight
            let candidates: [(x: Double, y: Double, anchor: SVGWriter.Anchor)] = [
                (mark.cx + mark.r + 3, mark.cy + 4, .start),
                (mark.cx - mark.r - 3, mark.cy + 4, .end),
                (mark.cx, mark.cy - mark.r - 6, .middle),
                (mark.cx, mark.cy + mark.r + 14, .middle),
            ]
            for candidate in candidates {
                let x0 = switch candidate.anchor {
                case .start: candidate.x
                case .end: candidate.x - width
                case .middle: candidate.x - width / 2
                }
                let box = (x0: x0, y0: candidate.y - height + 2, x1: x0 + width, y1: candidate.y + 2)
                let inside = box.x0 >= frame.plotLeft && box.x1 <= frame.width && box.y0 >= 0
                    && box.y1 <= frame.plotBottom
                let free = !boxes.contains { box.x0 < $0.x1 && $0.x0 < box.x1 && box.y0 < $0.y1 && $0.y0 < box.y1 }
                if inside && free {
                    boxes.append(box)
                    placed.append(Label(point: index, text: text, x: candidate.x, y: candidate.y,
                                        anchor: candidate.anchor))
                    break
                }
            }
        }
        return placed
    }

    func svg(id: String, title: String, description: String) -> String {
        var writer = SVGWriter(width: frame.width, height: frame.height, id: id, title: title, description: description)
        let x = xScale, y = yScale
        writer.valueAxis(y.ticks().map { ($0, ChartLabel.count($0)) }, y: { y($0) }, frame: frame)
        writer.horizontalValueAxis(x.ticks().map { ($0, ChartLabel.count($0)) }, x: { x($0) }, frame: frame)
        writer.text("changes (log scale)", x: (frame.plotLeft + frame.plotRight) / 2, y: frame.height - 6,
                    anchor: .middle, classes: "axis-title")
        writer.text("complexity (log scale)", x: 12, y: (frame.plotTop + frame.plotBottom) / 2, anchor: .middle,
                    classes: "axis-title", rotate: -90)
        let marks = marks()
        for mark in marks {
            let point = points[mark.point]
            writer.circle(cx: mark.cx, cy: mark.cy, r: mark.r, classes: "spot f\(mark.tone)",
                          tooltip: "\(point.path): \(point.revisions) changes, complexity \(point.complexity), "
                              + "\(point.linesOfCode) lines of code, \(point.fixes) fixes")
        }
        for label in labels() {
            writer.text(label.text, x: label.x, y: label.y, anchor: label.anchor, classes: "label")
        }
        return writer.finish()
    }
}
