import Analysis
import History

/// `--format ndjson`: one JSON object per line, one line per commit; nothing before or after.
/// Each line carries the record's provenance (repository, ktlo version, settings) when the context gives one, so
/// that the lines can be read back by `ktlo report --from` or loaded into a warehouse on their own.
public struct NDJSONCommitRenderer: CommitRenderer {
    private var provenance: RecordProvenance?

    public init() {}

    public mutating func begin(_ context: RepositoryContext) -> String {
        provenance = context.provenance
        return ""
    }

    public mutating func enter(_ context: RepositoryContext) -> String {
        provenance = context.provenance
        return ""
    }

    public mutating func render(_ commit: ClassifiedCommit) -> String {
        CommitJSON.line(CommitJSON(commit: commit, provenance: provenance)) + "\n"
    }

    public mutating func end(warnings: [HistoryWarning]) -> String { "" }
}
