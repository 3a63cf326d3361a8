/// Splits a range of pixels into equal bands, one per category (a period, a person), with a gap between them.
struct BandScale {
    let count: Int
    let range: (start: Double, end: Double)
    /// The part of each band left empty, 0…1, half on each side.
    let padding: Double

    init(count: Int, range: (start: Double, end: Double), padding: Double = 0.2) {
        self.count = count
        self.range = range
        self.padding = padding
    }

    /// The width of one band, gap included.
    var step: Double { count > 0 ? (range.end - range.start) / Double(count) : 0 }

    /// The width of what is drawn in a band.
    var bandwidth: Double { step * (1 - padding) }

    /// Where the drawing of band `index` starts.
    func start(_ index: Int) -> Double {
        range.start + Double(index) * step + step * padding / 2
    }

    /// The middle of band `index`.
    func center(_ index: Int) -> Double {
        range.start + (Double(index) + 0.5) * step
    }
}
