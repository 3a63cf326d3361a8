import Git

/// A person as the analysis sees them: after `.mailmap`.
public struct Identity: Sendable, Hashable {
    public let name: String
    public let email: String

    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }
}

/// One changed file of a commit, with the reason it does not count if it does not.
public struct FileChurn: Sendable, Hashable {
    public let delta: FileDelta
    public let exclusion: Exclusion?

    public init(delta: FileDelta, exclusion: Exclusion?) {
        self.delta = delta
        self.exclusion = exclusion
    }

    public var path: String { delta.path }
    public var oldPath: String? { delta.oldPath }
    public var status: FileStatus { delta.status }
    public var added: Int { delta.added }
    public var deleted: Int { delta.deleted }
    public var isBinary: Bool { delta.isBinary }
    public var isExcluded: Bool { exclusion != nil }
    /// Counts toward churn: neither excluded nor binary.
    public var counts: Bool { exclusion == nil && !delta.isBinary }
}

/// Everything ktlo knows about one commit from Git: who, when, what was said, and the churn per file.
public struct CommitRecord: Sendable {
    public let id: ObjectID
    public let parents: [ObjectID]
    /// The author after `.mailmap`.
    public let author: Identity
    /// The author date, in the author's own UTC offset.
    public let authorTime: Timestamp
    public let committerTime: Timestamp
    public let summary: String
    public let message: String
    /// The files changed against the first parent (the empty tree for a root commit); empty for a merge unless
    /// merges are diffed, and for a shallow clone's boundary commit, whose parent is absent.
    public let files: [FileChurn]
    /// A shallow clone's boundary: the parents were not fetched, so the churn is unknown, not zero.
    public let isShallowBoundary: Bool
    /// True when ``files`` holds a diff (false for merges not diffed and for shallow boundaries).
    public let isDiffed: Bool

    public init(id: ObjectID, parents: [ObjectID], author: Identity, authorTime: Timestamp,
                committerTime: Timestamp, summary: String, message: String, files: [FileChurn],
                isShallowBoundary: Bool = false, isDiffed: Bool = true) {
        self.id = id
        self.parents = parents
        self.author = author
        self.authorTime = authorTime
        self.committerTime = committerTime
        self.summary = summary
        self.message = message
        self.files = files
        self.isShallowBoundary = isShallowBoundary
        self.isDiffed = isDiffed
    }

    public var isMerge: Bool { parents.count > 1 }

    /// Lines added in files that count (not excluded, not binary).
    public var added: Int { files.reduce(0) { $0 + ($1.counts ? $1.added : 0) } }
    /// Lines deleted in files that count (not excluded, not binary).
    public var deleted: Int { files.reduce(0) { $0 + ($1.counts ? $1.deleted : 0) } }
}
