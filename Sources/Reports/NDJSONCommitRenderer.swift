import Analysis
import History

/// `--format ndjson`: one JSON object per line, one line per commit; nothing before or after.
public struct NDJSONCommitRenderer: CommitRenderer {
    public init() {}

    public mutating func begin(_ context: RepositoryContext) -> String { "" }

    public mutating func render(_ commit: ClassifiedCommit) -> String {
        CommitJSON.line(CommitJSON(commit: commit)) + "\n"
    }

    public mutating func end(warnings: [HistoryWarning]) -> String { "" }
}
