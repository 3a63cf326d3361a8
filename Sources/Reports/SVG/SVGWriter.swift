/// Writes SVG elements into a string, escaping every text and attribute value it is given.
///
/// Charts describe shapes with numbers and class names; this writer is the only place that turns them into markup,
/// so that nothing a repository contains can leave an attribute or a text node.
struct SVGWriter {
    private(set) var markup = ""

    /// Opens the root `<svg>`: `role="img"` with its title and description, which screen readers announce in place
    /// of the drawing.
    init(width: Double, height: Double, id: String, title: String, description: String) {
        let size = "\(Markup.number(width)) \(Markup.number(height))"
        markup = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(size)\" width=\"\(Markup.number(width))\""
            + " height=\"\(Markup.number(height))\" role=\"img\" class=\"chart\""
            + " aria-labelledby=\"\(Markup.escaped(id))-title \(Markup.escaped(id))-desc\">"
            + "<title id=\"\(Markup.escaped(id))-title\">\(Markup.escaped(title))</title>"
            + "<desc id=\"\(Markup.escaped(id))-desc\">\(Markup.escaped(description))</desc>"
    }

    /// The finished document.
    mutating func finish() -> String {
        markup + "</svg>"
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, classes: String, tooltip: String? = nil) {
        let attributes = "x=\"\(Markup.number(x))\" y=\"\(Markup.number(y))\" width=\"\(Markup.number(width))\""
            + " height=\"\(Markup.number(height))\" class=\"\(Markup.escaped(classes))\""
        element("rect", attributes, tooltip: tooltip)
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, classes: String) {
        markup += "<line x1=\"\(Markup.number(x1))\" y1=\"\(Markup.number(y1))\" x2=\"\(Markup.number(x2))\""
            + " y2=\"\(Markup.number(y2))\" class=\"\(Markup.escaped(classes))\"/>"
    }

    mutating func circle(cx: Double, cy: Double, r: Double, classes: String, tooltip: String? = nil) {
        let attributes = "cx=\"\(Markup.number(cx))\" cy=\"\(Markup.number(cy))\" r=\"\(Markup.number(r))\""
            + " class=\"\(Markup.escaped(classes))\""
        element("circle", attributes, tooltip: tooltip)
    }

    /// An open or closed polyline through `points`.
    mutating func polyline(_ points: [(x: Double, y: Double)], classes: String) {
        let list = points.map { "\(Markup.number($0.x)),\(Markup.number($0.y))" }.joined(separator: " ")
        markup += "<polyline points=\"\(list)\" class=\"\(Markup.escaped(classes))\"/>"
    }

    enum Anchor: String, Equatable {
        case start, middle, end
    }

    mutating func text(_ content: String, x: Double, y: Double, anchor: Anchor = .start, classes: String = "",
                       rotate: Double? = nil) {
        var attributes = "x=\"\(Markup.number(x))\" y=\"\(Markup.number(y))\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        if !classes.isEmpty { attributes += " class=\"\(Markup.escaped(classes))\"" }
        if let rotate {
            attributes += " transform=\"rotate(\(Markup.number(rotate)) \(Markup.number(x)) \(Markup.number(y)))\""
        }
        markup += "<text \(attributes)>\(Markup.escaped(content))</text>"
    }

    /// A shape with a `<title>` child: the tooltip a browser shows on hover, and what a screen reader reads.
    private mutating func element(_ name: String, _ attributes: String, tooltip: String?) {
        if let tooltip {
            markup += "<\(name) \(attributes)><title>\(Markup.escaped(tooltip))</title></\(name)>"
        } else {
            markup += "<\(name) \(attributes)/>"
        }
    }
}
