import Analysis
import History

/// `--format json`: one JSON document with `schema_version`, the repository, the commits and the warnings.
///
/// The document is written as the commits come, one compact commit per line, so a long history is never held in
/// memory; the warnings come last because some are only known at the end of the walk.
public struct JSONCommitRenderer: CommitRenderer {
    private var count = 0
    private var provenance: RecordProvenance?

    public init() {}

    /// The document's `repository` is the first repository's; each record names its own.
    public mutating func enter(_ context: RepositoryContext) -> String {
        provenance = context.provenance
        return ""
    }

    public mutating func begin(_ context: RepositoryContext) -> String {
        provenance = context.provenance
        let repository = RepositoryJSON(path: context.repositoryPath, head: context.head?.hex, branch: context.branch)
        return "{\n\"schema_version\": \(ReportSchema.version),\n\"repository\": \(CommitJSON.line(repository)),\n"
            + "\"commits\": ["
    }

    public mutating func render(_ commit: ClassifiedCommit) -> String {
        defer { count += 1 }
        return (count == 0 ? "\n" : ",\n") + CommitJSON.line(CommitJSON(commit: commit, provenance: provenance))
    }

    public mutating func end(warnings: [HistoryWarning]) -> String {
        let warningList = CommitJSON.line(warnings.map { WarningJSON(kind: $0.kind, message: $0.message) })
        return (count == 0 ? "],\n" : "\n],\n") + "\"warnings\": \(warningList)\n}\n"
    }
}

struct RepositoryJSON: Encodable {
    let path: String
    let head: String?
    let branch: String?

    private enum CodingKeys: String, CodingKey { case path, head, branch }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(head, forKey: .head)
        try container.encode(branch, forKey: .branch)
    }
}

struct WarningJSON: Encodable {
    let kind: String
    let message: String
}

/// The version of the JSON contract (DESIGN.md): keys are added freely, never renamed.
public enum ReportSchema {
    public static let version = 1
}
