/// Text and numbers made safe and compact for HTML and SVG.
///
/// Every piece of repository text (paths, names, messages, branch names) reaches a page through ``escaped(_:)``:
/// the five markup characters become entities, so a commit message `<script>` is shown as text, and the same
/// escaping is valid inside double- or single-quoted attribute values. Controls and bidirectional overrides,
/// which cannot be shown usefully and could reorder the page's text, become `�`.
public enum Markup {
    public static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\n", "\t": result.unicodeScalars.append(scalar)
            default:
                if TerminalText.isUnsafe(scalar) {
                    result += "\u{FFFD}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// A coordinate or length with at most one decimal and no trailing zero ("12", "3.5", "-0.4"): SVG needs no
    /// more precision than a tenth of a pixel, and short numbers keep a large report small and stable.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = (value * 10).rounded()
        if tenths == 0 { return "0" }
        let whole = Int(tenths) / 10, fraction = abs(Int(tenths) % 10)
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? "\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
