import Git
import History

/// What a `ktlo ci` run looked at, beside its result: the repository, the base of the new commits, and how much
/// of the history was visible.
public struct CIContext: Sendable {
    public let repository: RepositoryContext
    /// Where the new commits start (exclusive); `nil` when every visible commit is new.
    public let base: ObjectID?
    /// How the base was chosen: `option` (--base), `cache` (the last analysed head), `first-parent`, `none`.
    public let baseSource: String
    /// Commits the walk of the whole history saw (merges included).
    public let visibleCommits: Int
    public let isShallow: Bool
    public let warnings: [HistoryWarning]

    public init(repository: RepositoryContext, base: ObjectID?, baseSource: String, visibleCommits: Int,
                isShallow: Bool, warnings: [HistoryWarning]) {
        self.repository = repository
        self.base = base
        self.baseSource = baseSource
        self.visibleCommits = visibleCommits
        self.isShallow = isShallow
        self.warnings = warnings
    }
}
