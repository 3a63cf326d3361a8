import Reports
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What ktlo needs to know about the terminal, and its one way of talking to the user on stderr.
enum Terminal {
    static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Colour is allowed unless `NO_COLOR` is set (to anything) or the terminal is `dumb` (https://no-color.org).
    static var colorAllowed: Bool {
        getenv("NO_COLOR") == nil && getenv("TERM").map { String(cString: $0) } != "dumb"
    }

    /// The width of the terminal on standard output, or `nil` when it is not a terminal.
    static var width: Int? {
        guard standardOutputIsTerminal else { return nil }
        if let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), columns > 0 { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// Messages quote repository text (revisions, paths, names) and libgit2's messages: their control characters
    /// are neutralised, so the message stays one line and cannot drive the terminal.
    static func printError(_ message: String) {
        writeToStandardError("ktlo: error: \(TerminalText.sanitized(message))\n")
    }

    static func printWarning(_ message: String) {
        writeToStandardError("ktlo: warning: \(TerminalText.sanitized(message))\n")
    }

    static func writeToStandardError(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { write(STDERR_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if written <= 0 { return }
            offset += written
        }
    }
}
