import Analysis
import History

/// `--format table`: aligned columns for people, one line per commit.
///
/// The columns have fixed widths so that each line can be printed as soon as its commit is read; the summary takes
/// what is left of the terminal's width, or all it needs when the output is not a terminal.
public struct TableCommitRenderer: CommitRenderer {
    private let summaryWidth: Int?
    private let explain: Bool

    /// - Parameters:
    ///   - width: the terminal's width in columns; `nil` for no limit.
    ///   - explain: list the classification's confidence and reasons under each commit.
    public init(width: Int? = nil, explain: Bool = false) {
        summaryWidth = width.map { max(10, $0 - Self.fixedWidth) }
        self.explain = explain
    }

    private static let columns: [(title: String, width: Int, right: Bool)] = [
        ("COMMIT", 10, false), ("DATE", 10, false), ("AUTHOR", 20, false), ("CATEGORY", 12, false),
        ("ADDED", 7, true), ("DELETED", 7, true), ("FILES", 5, true),
    ]
    private static let fixedWidth = columns.reduce(0) { $0 + $1.width + 2 }

    public mutating func begin(_ context: RepositoryContext) -> String {
        line(Self.columns.map(\.title) + ["SUMMARY"])
    }

    public mutating func render(_ commit: ClassifiedCommit) -> String {
        let record = commit.record
        let category = commit.classification.category.rawValue
        let text = line([
            record.id.abbreviated(10),
            record.authorTime.localDate.description,
            TerminalText.sanitized(record.author.name),
            category,
            record.isDiffed ? "+\(record.added)" : "",
            record.isDiffed ? "-\(record.deleted)" : "",
            record.isDiffed ? String(record.files.count) : "",
            TerminalText.sanitized(record.summary),
        ])
        guard explain else { return text }
        let classification = commit.classification
        let bucket = classification.bucket.map { ", bucket \($0.rawValue)" } ?? ""
        let guess = classification.isLowConfidence ? " — a guess" : ""
        var explanation = "            \(category)\(bucket), confidence \(Int((classification.confidence * 100).rounded())) %\(guess)\n"
        for reason in classification.reasons {
            explanation += "              - \(TerminalText.sanitized(reason.detail))\n"
        }
        return text + explanation
    }

    public mutating func end(warnings: [HistoryWarning]) -> String { "" }

    private func line(_ cells: [String]) -> String {
        var text = ""
        for (cell, column) in zip(cells, Self.columns) {
            text += column.right ? TerminalText.rightAligned(cell, width: column.width)
                                 : TerminalText.fitted(cell, width: column.width)
            text += "  "
        }
        let summary = cells.last ?? ""
        text += summaryWidth.map { TerminalText.fitted(summary, width: $0, pad: false) } ?? summary
        return text + "\n"
    }
}
