import History

/// `--format ndjson`: one JSON object per line, one line per commit; nothing before or after.
public struct NDJSONCommitRenderer: CommitRenderer {
    public init() {}

    public mutating func begin(_ context: CommitsContext) -> String { "" }

    public mutating func render(_ record: CommitRecord) -> String {
        CommitJSON.line(CommitJSON(record: record)) + "\n"
    }

    public mutating func end(warnings: [HistoryWarning]) -> String { "" }
}
