/// RFC 4180 fields that a spreadsheet cannot mistake for a formula.
enum CSVField {
    /// A text cell: a leading `=`, `+`, `-`, `@`, tab or carriage return gets a `'` so spreadsheet programs show it
    /// as text instead of evaluating it (repository text is untrusted); then quoted when it must be.
    /// Control characters other than line breaks and tabs, and bidirectional overrides, become `�` first: a CSV is
    /// often read in a terminal (`ktlo commits --format csv | head`).
    static func text(_ value: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            let kept = scalar == "\n" || scalar == "\r" || scalar == "\t" || !TerminalText.isUnsafe(scalar)
            scalars.append(kept ? scalar : "\u{FFFD}")
        }
        var cell = String(scalars)
        if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            cell = "'" + cell
        }
        return quoted(cell)
    }

    /// A number or other value ktlo made itself: only quoted when needed.
    static func plain(_ value: String) -> String {
        quoted(value)
    }

    private static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record: fields joined by commas, ended by CRLF as RFC 4180 asks.
    static func row(_ fields: [String]) -> String {
        fields.joined(separator: ",") + "\r\n"
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
