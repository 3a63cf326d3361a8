/// The settings that change what a diff reports. Every field here changes churn, so a cache of diff results must
/// be keyed by all of them.
public struct DiffOptions: Sendable, Hashable, Codable {
    /// Pair deleted and added files that are similar enough as renames (git's `-M`, on by default since git 2.9).
    public var detectRenames: Bool
    /// The similarity, in percent, from which a deleted and an added file are a rename (git's default: 50).
    public var renameThreshold: Int
    /// Above this many candidate files, inexact rename detection is skipped (git's `diff.renameLimit`: 1000).
    public var renameLimit: Int

    public init(detectRenames: Bool = true, renameThreshold: Int = 50, renameLimit: Int = 1000) {
        self.detectRenames = detectRenames
        self.renameThreshold = renameThreshold
        self.renameLimit = renameLimit
    }
}
