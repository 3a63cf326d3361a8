import Analysis
import History

/// Turns a stream of commit records into text, record by record, so that a listing of a long history starts at
/// once and never holds the history in memory. Renderers return text and never touch Git or the terminal.
public protocol CommitRenderer {
    /// Text before the first record (a header, an opening bracket); may be empty.
    mutating func begin(_ context: RepositoryContext) -> String
    /// The text of one commit.
    mutating func render(_ commit: ClassifiedCommit) -> String
    /// Text between the records of one repository and the next, when a listing covers several (the records that
    /// follow belong to `context`); may be empty.
    mutating func enter(_ context: RepositoryContext) -> String
    /// Text after the last record; the warnings gathered during the walk are known only then.
    mutating func end(warnings: [HistoryWarning]) -> String
}

extension CommitRenderer {
    /// Most formats have nothing to say between repositories.
    public mutating func enter(_ context: RepositoryContext) -> String { "" }
}
