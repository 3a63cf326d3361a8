/// How a file changed in a commit, with the letters `git log --name-status` uses.
public enum FileStatus: String, Sendable, Hashable, CaseIterable {
    case added = "A"
    case modified = "M"
    case deleted = "D"
    case renamed = "R"
    case copied = "C"
    case typeChanged = "T"
}

/// One changed file of a tree-to-tree diff, with its line counts. A value copied out of libgit2.
public struct FileDelta: Sendable, Hashable {
    /// The path after the change (for a deletion, the path that was deleted).
    public let path: String
    /// The path before a rename or copy; `nil` otherwise.
    public let oldPath: String?
    public let status: FileStatus
    /// Lines added, as `git log --numstat` counts them; 0 for binary files.
    public let added: Int
    /// Lines deleted, as `git log --numstat` counts them; 0 for binary files.
    public let deleted: Int
    /// Either side is binary (git's rule: a NUL byte in the first 8000 bytes, or the `binary`/`-diff` attribute).
    public let isBinary: Bool
    /// The rename or copy similarity in percent; `nil` for other changes.
    public let similarity: Int?
    /// The entry is a submodule (gitlink), not a file.
    public let isSubmodule: Bool
    /// A blob of this file is not in the object database (a partial clone, or a damaged repository), so its lines
    /// could not be counted and are reported as 0.
    public let isContentMissing: Bool

    public init(path: String, oldPath: String? = nil, status: FileStatus, added: Int, deleted: Int,
                isBinary: Bool = false, similarity: Int? = nil, isSubmodule: Bool = false,
                isContentMissing: Bool = false) {
        self.path = path
        self.oldPath = oldPath
        self.status = status
        self.added = added
        self.deleted = deleted
        self.isBinary = isBinary
        self.similarity = similarity
        self.isSubmodule = isSubmodule
        self.isContentMissing = isContentMissing
    }
}

/// The changed files between two trees.
public struct TreeDiff: Sendable, Hashable {
    public let files: [FileDelta]
    /// Rename detection was asked for but could not run, because a blob it needed is missing from the object
    /// database; renamed files then appear as a deletion and an addition.
    public let renamesSkipped: Bool

    public init(files: [FileDelta], renamesSkipped: Bool = false) {
        self.files = files
        self.renamesSkipped = renamesSkipped
    }
}
