/// Commits one walk read, kept for a second walk over the same range, so that the second reads them from memory
/// rather than inflating and parsing them again.
///
/// The hotspot analysis walks its range twice: once without diffs, to learn the range's span and who was active
/// when, then again with diffs. Reading commit objects is most of what a walk costs when the diffs come from the
/// cache, so the second walk takes the commits the first one left here. The memo holds at most `budget` bytes of
/// commit text (the rest is read again as usual), and each commit leaves it when taken, so it empties as the second
/// walk advances.
///
/// Like the walks that use it, a memo belongs to one thread.
public final class CommitMemo {
    private var commits: [ObjectID: Commit] = [:]
    private var bytes = 0
    private let budget: Int

    /// - Parameter budget: the most commit text (messages, names, e-mails, plus a fixed cost per commit) kept.
    public init(budget: Int = 32 << 20) {
        self.budget = budget
    }

    /// Keeps `commit`, unless the memo is full.
    func remember(_ commit: Commit) {
        let size = Self.size(of: commit)
        guard bytes + size <= budget else { return }
        if commits.updateValue(commit, forKey: commit.id) == nil { bytes += size }
    }

    /// The commit `id`, if the memo holds it; it leaves the memo.
    func take(_ id: ObjectID) -> Commit? {
        guard let commit = commits.removeValue(forKey: id) else { return nil }
        bytes -= Self.size(of: commit)
        return commit
    }

    /// How many commits the memo holds.
    public var count: Int { commits.count }

    private static func size(of commit: Commit) -> Int {
        256 + commit.message.utf8.count + commit.summary.utf8.count + 20 * commit.parents.count
            + commit.author.name.utf8.count + commit.author.email.utf8.count
            + commit.committer.name.utf8.count + commit.committer.email.utf8.count
    }
}
