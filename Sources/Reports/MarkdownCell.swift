/// Text made safe for one cell of a GitHub-flavoured Markdown table: `|` escaped, line breaks as `<br>`, HTML and
/// control characters neutralised, so that repository text can neither break the table nor inject markup.
enum MarkdownCell {
    static func text(_ value: String) -> String {
        var cell = ""
        var afterCarriageReturn = false
        for scalar in value.unicodeScalars {
            defer { afterCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\n": if !afterCarriageReturn { cell += "<br>" }
            case "\r": cell += "<br>"
            case "|": cell += "\\|"
            case "<": cell += "&lt;"
            case ">": cell += "&gt;"
            case "&": cell += "&amp;"
            default:
                if TerminalText.isUnsafe(scalar) {
                    cell += "\u{FFFD}"
                } else {
                    cell.unicodeScalars.append(scalar)
                }
            }
        }
        return cell
    }

    /// A path or other literal as a code span, so that `__init__.py` is not bold; `|` and line breaks are still
    /// escaped, as GitHub's tables require inside code spans too.
    static func code(_ value: String) -> String {
        var cell = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\n", "\r": cell += " "
            case "|": cell += "\\|"
            default:
                if TerminalText.isUnsafe(scalar) {
                    cell += "\u{FFFD}"
                } else {
                    cell.unicodeScalars.append(scalar)
                }
            }
        }
        let fence = cell.contains("`") ? "``" : "`"
        let pad = cell.hasPrefix("`") || cell.hasSuffix("`") ? " " : ""
        return fence + pad + cell + pad + fence
    }

    static func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |\n"
    }
}
