import Foundation
import Testing
import TestSupport

/// Repository text is untrusted. The `hostile` fixture's author names, messages, paths and folder names carry
/// terminal escapes, bidirectional overrides, spreadsheet formulas, Markdown pipes, line breaks, HTML and GitHub
/// workflow commands; no output of any command lets them act.
@Suite struct OutputSafetyTests {
    private func run(_ arguments: [String]) throws -> String {
        let result = try Shell.ktlo(arguments + ["--repo", try Fixtures.path("hostile")])
        #expect(result.status == 0, "\(arguments): \(result.standardErrorText)")
        return result.standardOutputText
    }

    /// Characters that drive a terminal or reorder what it shows: C0 controls (`allowed` aside), DEL, C1 controls
    /// and the bidirectional overrides and isolates.
    private func controls(in text: String, allowed: Set<Unicode.Scalar> = ["\n"]) -> [String] {
        text.unicodeScalars.filter { scalar in
            if allowed.contains(scalar) { return false }
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
            default: return false
            }
        }.map { String(format: "U+%04X", $0.value) }
    }

    static let tables: [[String]] = [
        ["commits", "--format", "table"],
        ["classify", "HEAD", "HEAD~1", "--explain", "--format", "table"],
        ["report", "--format", "table", "--by-author", "--by-component"],
        ["hotspots", "--format", "table"],
    ]

    @Test(arguments: tables)
    func tablesNeutraliseTerminalControl(_ arguments: [String]) throws {
        let text = try run(arguments)
        #expect(controls(in: text).isEmpty, "\(arguments)")
        #expect(text.contains("\u{FFFD}"), "\(arguments): the hostile characters are shown, not dropped")
    }

    @Test func commitTablesKeepOneLinePerCommit() throws {
        #expect(try run(["commits", "--format", "table"]).split(separator: "\n").count == 3)
    }

    /// RFC 4180 cells, parsed; a cell of text never starts a formula, and no control character but the quoted line
    /// breaks and tabs of a cell gets through.
    @Test(arguments: [["commits", "--format", "csv"], ["classify", "HEAD", "HEAD~1", "--format", "csv"],
                      ["report", "--format", "csv"], ["hotspots", "--format", "csv"]])
    func csvCellsNeverStartAFormula(_ arguments: [String]) throws {
        let text = try run(arguments)
        #expect(controls(in: text, allowed: ["\n", "\r", "\t"]).isEmpty, "\(arguments)")
        let rows = Self.parseCSV(text)
        #expect(rows.count > 1 && Set(rows.map(\.count)).count == 1, "\(arguments): every row has the header's width")
        for cell in rows.joined() where Double(cell) == nil {
            let first = cell.unicodeScalars.first
            #expect(first == nil || !"=+-@\t\r".unicodeScalars.contains(first!), "\(arguments): \(cell)")
        }
        if arguments[0] == "commits" {
            let cells = rows.joined()
            #expect(cells.contains("'=HYPERLINK(\"http://x\")\u{FFFD}[2J"))
            #expect(cells.contains("'=1+1 @SUM(A1) -2 +3\tand\rcarriage"))
        }
    }

    /// Markdown tables: every row has the header's columns (pipes escaped, line breaks as `<br>`), no raw HTML.
    @Test(arguments: [["report", "--format", "markdown", "--by-author", "--by-component"],
                      ["hotspots", "--format", "markdown"]])
    func markdownEscapesPipesNewlinesAndHTML(_ arguments: [String]) throws {
        let text = try run(arguments)
        #expect(controls(in: text).isEmpty)
        #expect(!text.contains("<script"))
        // HTML outside code spans is escaped (inside a code span Markdown shows it as text).
        let outsideCode = text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 0 }.map(\.element).joined()
        #expect(!outsideCode.contains("<b>"))
        var columns: Int?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { columns = nil; continue }
            let count = Self.unescapedPipes(line)
            if let columns { #expect(count == columns, "\(line)") } else { columns = count }
        }
        if arguments[0] == "report" {
            #expect(text.contains("=HYPERLINK(\"http://x\")\u{FFFD}\\[2J"))
            #expect(text.contains("Mallory \\| \u{FFFD} pipe"))
        }
        #expect(text.contains("=evil\\|\u{FFFD}"))
    }

    /// JSON keeps the exact text, escaped: the document parses, round-trips every name, and holds no raw control.
    @Test(arguments: [["commits", "--format", "json"], ["report", "--format", "json", "--by-author"],
                      ["hotspots", "--format", "json"]])
    func jsonEscapesAndKeepsTheText(_ arguments: [String]) throws {
        let text = try run(arguments)
        #expect(controls(in: text).isEmpty, "\(arguments)")
        #expect(text.contains("\\u001b[2J"))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let names = Self.strings(in: document)
        #expect(names.contains("=HYPERLINK(\"http://x\")\u{1B}[2J"), "\(arguments)")
        if arguments[0] != "hotspots" { #expect(names.contains("Mallory | \u{202E} pipe"), "\(arguments)") }
        if arguments[0] != "report" {
            #expect(names.contains("rtl\u{202E}txt.exe"))
            #expect(names.contains("-dash <b>bold<i>\nnewline.txt"))
        }
    }

    @Test func ndjsonIsOneRecordPerLine() throws {
        let text = try run(["commits", "--format", "ndjson"])
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines { #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any]) }
        #expect(controls(in: text).isEmpty)
    }

    @Test func errorsAndWarningsAreOneSafeLine() throws {
        let result = try Shell.ktlo(["commits", "--repo", try Fixtures.path("linear"), "\u{1B}[2J\nsecond line"])
        #expect(result.status == 2)
        #expect(controls(in: result.standardErrorText).isEmpty)
        #expect(result.standardErrorText.split(separator: "\n").count == 1)
    }

    // MARK: Helpers

    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" { cell.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                } else {
                    cell.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": quoted = true
            case ",": row.append(cell); cell = ""
            case "\r": continue
            case "\n": row.append(cell); rows.append(row); row = []; cell = ""
            default: cell.unicodeScalars.append(scalar)
            }
        }
        return rows
    }

    static func unescapedPipes(_ line: Substring) -> Int {
        var count = 0, escaped = false
        for character in line {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true } else if character == "|" { count += 1 }
        }
        return count
    }

    static func strings(in value: Any) -> Set<String> {
        switch value {
        case let text as String: [text]
        case let array as [Any]: array.reduce(into: Set<String>()) { $0.formUnion(strings(in: $1)) }
        case let object as [String: Any]: object.values.reduce(into: Set<String>()) { $0.formUnion(strings(in: $1)) }
        default: []
        }
    }
}
