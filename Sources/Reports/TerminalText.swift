/// Makes repository text safe and tidy for a terminal.
///
/// Commit messages, names and paths are untrusted: an escape sequence in a commit message could otherwise move the
/// cursor, rewrite the screen or set the window title of whoever runs ktlo. Every control character (C0, DEL, C1)
/// and the bidirectional overrides used in "trojan source" attacks become a visible `�`.
public enum TerminalText {
    public static func sanitized(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isUnsafe(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(scalars)
    }

    /// Like ``sanitized(_:)`` but keeps line breaks, for formats that escape them their own way.
    static func sanitizedKeepingNewlines(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(scalar == "\n" || !isUnsafe(scalar) ? scalar : "\u{FFFD}")
        }
        return String(scalars)
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    /// `text` cut to `width` characters, with `…` when it was longer; padded with spaces when `pad` is set.
    public static func fitted(_ text: String, width: Int, pad: Bool = true) -> String {
        guard width > 0 else { return "" }
        let count = text.count
        if count > width {
            return String(text.prefix(width - 1)) + "…"
        }
        return pad ? text + String(repeating: " ", count: width - count) : text
    }

    /// `text` right-aligned in `width` characters.
    public static func rightAligned(_ text: String, width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
