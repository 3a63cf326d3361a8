import Foundation
import Git

/// What a cache holds, for `ktlo cache stats`.
public struct ChurnCacheStatistics: Sendable {
    /// The commits stored under one diff setting.
    public struct Entries: Sendable {
        public let settings: String
        public let commits: Int
    }

    /// The last analysed tip of a revision.
    public struct Tip: Sendable {
        public let revision: String
        public let commit: ObjectID
        public let recordedAt: Date
    }

    public let path: String
    /// The size on disk, the write-ahead log included.
    public let bytes: Int
    public let schemaVersion: Int
    public let entries: [Entries]
    public let tips: [Tip]
    /// Facts kept about file contents (blobs), such as their measured complexity, over all kinds.
    public let blobFacts: Int
    /// Snapshots of whole ranges (for `ktlo report`), one per set of settings.
    public let snapshots: Int

    /// Commits stored, over all settings.
    public var commits: Int { entries.reduce(0) { $0 + $1.commits } }
}
