import Analysis
import History

/// `--format csv`: one row per commit with its totals (RFC 4180, CRLF line ends, a header row).
/// The last column, `repository`, tells apart the rows of a listing over several repositories.
public struct CSVCommitRenderer: CommitRenderer {
    private var repository = ""

    public init() {}

    public mutating func begin(_ context: RepositoryContext) -> String {
        repository = context.provenance?.repository ?? RecordProvenance.repositoryName(path: context.repositoryPath)
        return CSVField.row(["sha", "parents", "author_name", "author_email", "author_time", "category", "bucket",
                             "confidence", "added", "deleted", "files", "excluded_files", "summary", "repository"])
    }

    public mutating func enter(_ context: RepositoryContext) -> String {
        repository = context.provenance?.repository ?? RecordProvenance.repositoryName(path: context.repositoryPath)
        return ""
    }

    public mutating func render(_ commit: ClassifiedCommit) -> String {
        let record = commit.record, classification = commit.classification
        return CSVField.row([
            record.id.hex,
            record.parents.map(\.hex).joined(separator: " "),
            CSVField.text(record.author.name),
            CSVField.text(record.author.email),
            record.authorTime.iso8601,
            classification.category.rawValue,
            classification.bucket?.rawValue ?? "",
            String(classification.confidence),
            String(record.added),
            String(record.deleted),
            String(record.files.count),
            String(record.files.filter(\.isExcluded).count),
            CSVField.text(record.summary),
            CSVField.text(repository),
        ])
    }

    public mutating func end(warnings: [HistoryWarning]) -> String { "" }
}
