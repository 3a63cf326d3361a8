import Foundation
import Testing
@testable import Reports

/// The SVG module: escaping, numbers, scales, and each chart's geometry on data whose coordinates were worked out by
/// hand from the frames (the plot area is the frame less its margins).
@Suite struct SVGTests {
    private func close(_ a: Double, _ b: Double, _ tolerance: Double = 0.01) -> Bool { abs(a - b) <= tolerance }

    @Test func markupEscapesTextAndAttributes() {
        #expect(Markup.escaped("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(Markup.escaped("x\" onload=\"alert(1)") == "x&quot; onload=&quot;alert(1)")
        #expect(Markup.escaped("it's & <b>") == "it&#39;s &amp; &lt;b&gt;")
        #expect(Markup.escaped("evil\u{202E}txt.c\u{1B}[2J") == "evil\u{FFFD}txt.c\u{FFFD}[2J")
        #expect(Markup.escaped("Zoë 日本") == "Zoë 日本")
    }

    @Test func numbersAreShortAndStable() {
        #expect(Markup.number(12) == "12")
        #expect(Markup.number(12.04) == "12")
        #expect(Markup.number(3.45) == "3.5")
        #expect(Markup.number(-0.04) == "0")
        #expect(Markup.number(-0.4) == "-0.4")
        #expect(Markup.number(-1.5) == "-1.5")
        #expect(Markup.number(.nan) == "0")
        #expect(ChartLabel.grouped(1_234_567) == "1,234,567")
        #expect(ChartLabel.count(25_000) == "25k")
        #expect(ChartLabel.percent(33.333) == "33.3 %")
    }

    @Test func writerEscapesEverythingItIsGiven() {
        var writer = SVGWriter(width: 100, height: 50, id: "c\"x", title: "</title><script>", description: "a & b")
        writer.text("<img src=x onerror=alert(1)>", x: 1, y: 2, classes: "label\" onclick=\"x")
        writer.rect(x: 0, y: 0, width: 10, height: 10, classes: "s", tooltip: "</title><script>alert(1)</script>")
        let svg = writer.finish()
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("<img"))
        #expect(!svg.contains("\" onclick"))
        #expect(svg.contains("<title id=\"c&quot;x-title\">&lt;/title&gt;&lt;script&gt;</title>"))
        #expect(svg.contains("<desc id=\"c&quot;x-desc\">a &amp; b</desc>"))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 50\""))
        #expect(svg.hasSuffix("</svg>"))
    }

    @Test func linearScalesAndTicks() {
        #expect(LinearScale.niceStep(0.3) == 0.5)
        #expect(LinearScale.niceStep(1) == 1)
        #expect(LinearScale.niceStep(1.5) == 2)
        #expect(LinearScale.niceStep(7) == 10)
        #expect(LinearScale.niceStep(23) == 50)
        let scale = LinearScale.zeroBased(maximum: 31, range: (0, 400), ticks: 5)
        #expect(scale.domain.upper == 40)
        #expect(scale(10) == 100)
        #expect(scale.ticks(5) == [0, 10, 20, 30, 40])
        let percent = LinearScale(domain: (0, 100), range: (232, 12))
        #expect(percent(25) == 177)
        #expect(percent.ticks(4) == [0, 50, 100])
        #expect(LinearScale.zeroBased(maximum: 0, range: (0, 1)).domain.upper == 1)
    }

    @Test func logScalesAndBands() {
        let scale = LogScale(maximum: 9, range: (0, 100))
        #expect(scale.upper == 10)
        #expect(scale.ticks() == [0, 1, 10])
        #expect(scale(0) == 0)
        #expect(close(scale(10), 100))
        #expect(close(scale(1), 100 * log10(2) / log10(11)))
        #expect(LogScale(maximum: 1000, range: (0, 1)).ticks() == [0, 1, 10, 100, 1000])
        #expect(LogScale(maximum: 1001, range: (0, 1)).upper == 10_000)

        let bands = BandScale(count: 2, range: (48, 708), padding: 0.25)
        #expect(bands.step == 330)
        #expect(bands.bandwidth == 247.5)
        #expect(bands.start(0) == 89.25)
        #expect(bands.center(1) == 543)
        #expect(BandScale.labelStride(count: 64, step: 10, minimumSpacing: 56) == 6)
        #expect(BandScale.labelStride(count: 6, step: 110, minimumSpacing: 56) == 1)
    }

    /// Plot area 48…708 × 12…232. Bar A: KTLO 1, feature 1, other 2 (25 %, 25 %, 50 %); bar B has no effort.
    @Test func shareBarsStackKtloAtTheBottom() {
        let chart = ShareBarsChart(bars: [.init(label: "2025-Q1", ktlo: 1, feature: 1, other: 2),
                                          .init(label: "2025-Q2", ktlo: 0, feature: 0, other: 0)],
                                   budgetPercent: 40)
        #expect(chart.segments() == [
            .init(bar: 0, bucket: "ktlo", x: 89.25, y: 177, width: 247.5, height: 55),
            .init(bar: 0, bucket: "feature", x: 89.25, y: 122, width: 247.5, height: 55),
            .init(bar: 0, bucket: "other", x: 89.25, y: 12, width: 247.5, height: 110),
        ])
        #expect(chart.budgetY == 144)
        let svg = chart.svg(id: "b", title: "t", description: "d")
        #expect(svg.contains("<rect x=\"89.3\" y=\"177\" width=\"247.5\" height=\"55\" class=\"s-ktlo\">"
                                 + "<title>2025-Q1: ktlo 25 %</title></rect>"))
        #expect(svg.contains("<line x1=\"48\" y1=\"144\" x2=\"708\" y2=\"144\" class=\"budget\"/>"))
        #expect(ShareBarsChart(bars: [], budgetPercent: nil).segments().isEmpty)
    }

    /// Three periods over 48…708 × 12…192: centres 158, 378, 598; the middle one has no effort, so the line breaks.
    @Test func trendBreaksWhereAPeriodHadNoEffort() {
        let chart = TrendChart(points: [.init(label: "a", percent: 10), .init(label: "b", percent: nil),
                                        .init(label: "c", percent: 50)], budgetPercent: nil)
        let runs = chart.runs()
        #expect(runs.count == 2)
        #expect(runs[0].count == 1 && runs[0][0].x == 158 && runs[0][0].y == 174)
        #expect(runs[1].count == 1 && runs[1][0].x == 598 && runs[1][0].y == 102)
        let joined = TrendChart(points: [.init(label: "a", percent: 0), .init(label: "b", percent: 100)],
                                budgetPercent: 20).runs()
        #expect(joined.count == 1 && joined[0].map(\.x) == [213, 543] && joined[0].map(\.y) == [192, 12])
    }

    /// Plot area 56…704 × 16…376; x up to 10 changes, y up to 100 complexity, log₁₀(1 + v) scales.
    @Test func hotspotMapPlacesSizesAndColoursFiles() {
        let chart = HotspotMapChart(points: [
            .init(path: "src/small.c", revisions: 0, complexity: 0, linesOfCode: 100, fixes: 0, labelled: false),
            .init(path: "src/big.c", revisions: 9, complexity: 99, linesOfCode: 400, fixes: 9, labelled: true),
        ])
        let marks = chart.marks()
        #expect(marks.map(\.point) == [1, 0])  // the largest first, so the small one is drawn on top
        #expect(close(marks[0].cx, 56 + 648 * log10(10) / log10(11)))
        #expect(close(marks[0].cy, 376 - 360 * log10(100) / log10(101)))
        #expect(marks[0].r == 20 && marks[0].tone == 4)
        #expect(marks[1].cx == 56 && marks[1].cy == 376 && marks[1].r == 11.5 && marks[1].tone == 0)
        #expect(HotspotMapChart.tone(0.0999) == 0)
        #expect(HotspotMapChart.tone(0.1) == 1)
        #expect(HotspotMapChart.tone(0.59) == 3)
        #expect(HotspotMapChart.tone(0.6) == 4)
        let svg = chart.svg(id: "m", title: "t", description: "d")
        #expect(svg.contains(">big.c</text>"))
        #expect(!svg.contains(">small.c</text>"))
        #expect(svg.contains("<title>src/big.c: 9 changes, complexity 99, 400 lines of code, 9 fixes</title>"))
    }

    /// Two files at the same spot: the first name goes right of its circle, the second left; a third, with no free
    /// side, goes above, and a name that fits nowhere is left out.
    @Test func hotspotLabelsDoNotOverlap() {
        func point(_ path: String, _ labelled: Bool = true) -> HotspotMapChart.Point {
            .init(path: path, revisions: 100, complexity: 100, linesOfCode: 0, fixes: 0, labelled: labelled)
        }
        let chart = HotspotMapChart(points: [point("a/alpha.c"), point("b/beta.c"), point("gamma.c"), point("delta.c"),
                                             point("epsilon.c"), point("quiet.c", false),
                                             .init(path: "big.c", revisions: 1000, complexity: 1000, linesOfCode: 0,
                                                   fixes: 0, labelled: false)])
        let labels = chart.labels()
        // Axes up to 1,000: x 56 + 648 × log 101 / log 1001 = 488.87, y 376 − 360 × log 101 / log 1001 = 135.52;
        // radius 3 (no lines of code anywhere).
        #expect(labels.map(\.text) == ["alpha.c", "beta.c", "gamma.c", "delta.c"])
        #expect(labels.map(\.anchor) == [.start, .end, .middle, .middle])
        #expect(close(labels[0].x, 488.87 + 6) && close(labels[0].y, 139.52))
        #expect(close(labels[1].x, 488.87 - 6) && close(labels[1].y, 139.52))
        #expect(close(labels[2].x, 488.87) && close(labels[2].y, 135.52 - 9))
        #expect(close(labels[3].y, 135.52 + 17))
    }

    /// Plot area 190…704 (514 px for 0…40) × 12…56: two bands of 22 px, bars 16.5 px high.
    @Test func burdenBarsPutKtloFirst() {
        let chart = BurdenBarsChart(rows: [.init(label: "Ada", ktlo: 9, rest: 22), .init(label: "Grace", ktlo: 5, rest: 0)],
                                    unit: "dev-days")
        #expect(chart.frame.height == 84)
        let segments = chart.segments()
        #expect(segments.count == 3)
        #expect(segments[0].part == "ktlo" && segments[0].x == 190 && close(segments[0].width, 115.65)
                    && segments[0].y == 14.75 && segments[0].height == 16.5)
        #expect(segments[1].part == "rest" && close(segments[1].x, 305.65) && close(segments[1].width, 282.7))
        #expect(segments[2].row == 1 && close(segments[2].width, 64.25) && segments[2].y == 36.75)
    }
}
