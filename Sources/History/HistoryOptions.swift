import Git

/// What to read from a repository's history and how to diff it.
public struct HistoryOptions: Sendable {
    /// Revision arguments as git takes them: `main`, `v1.0..v2.0`, `A...B`, `^old`. Empty means HEAD.
    public var revisions: [String]
    /// Follow only the first parent of each commit (the mainline of a merge-based workflow).
    public var firstParent: Bool
    /// Keep commits whose author date is on or after this bound.
    public var since: DateBound?
    /// Keep commits whose author date is on or before this bound.
    public var until: DateBound?
    /// Rename detection and its limits.
    public var diff: DiffOptions
    /// Which paths count toward the metrics.
    public var paths: PathFilter
    /// Honour `linguist-generated` and `linguist-vendored` in `.gitattributes`.
    public var useLinguistAttributes: Bool
    /// Diff merge commits against their first parent (`--merges=diff`); by default they carry no churn.
    public var diffMerges: Bool
    /// Stop after this many records (git's `--max-count`); `nil` for all.
    public var maxCount: Int?
    /// How many threads diff commits (each with its own repository handle); the output does not depend on it.
    public var jobs: Int
    /// Where diffs are kept between runs.
    public var cache: CacheLocation
    /// Diff the commits. Without diffs a walk reads only who committed what and when (its records have no files
    /// and are not marked diffed), which costs a few percent of a full read: enough to learn a range's span and
    /// who was active in it before the real walk.
    public var readsChurn: Bool

    public init(revisions: [String] = [], firstParent: Bool = false, since: DateBound? = nil,
                until: DateBound? = nil, diff: DiffOptions = DiffOptions(), paths: PathFilter = PathFilter(),
                useLinguistAttributes: Bool = true, diffMerges: Bool = false, maxCount: Int? = nil, jobs: Int = 1,
                cache: CacheLocation = .none, readsChurn: Bool = true) {
        self.revisions = revisions
        self.firstParent = firstParent
        self.since = since
        self.until = until
        self.diff = diff
        self.paths = paths
        self.useLinguistAttributes = useLinguistAttributes
        self.diffMerges = diffMerges
        self.maxCount = maxCount
        self.jobs = jobs
        self.cache = cache
        self.readsChurn = readsChurn
    }
}

/// Where a reader keeps the diffs of the commits it read, so that the next run reads them back. A cache that
/// cannot be created or opened is never fatal: the run goes on without it, with a warning.
public enum CacheLocation: Sendable, Hashable {
    /// No cache: every commit is diffed.
    case none
    /// `ktlo/churn.sqlite` in the repository's git directory (shared by its worktrees).
    case inRepository
    /// A file the user chose.
    case file(String)
}
