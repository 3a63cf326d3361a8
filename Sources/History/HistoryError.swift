import Git

/// Why a history cannot be read. Each case reads as one line a person can act on.
public enum HistoryError: Error, Sendable, CustomStringConvertible {
    case noSuchPath(String)
    case notAFolder(String)
    case notARepository(String)
    case unsafeOwnership(String)
    case unreadableRepository(String, GitError)
    case emptyRepository(String)
    case unbornHead(branch: String)
    case unknownRevision(String, GitError)
    case unreadableObject(GitError)
    /// An object of this commit (its tree or a blob) cannot be read: a damaged repository.
    case unreadableCommit(ObjectID, GitError)

    public var description: String {
        switch self {
        case .noSuchPath(let path):
            "no such file or folder: \(path)"
        case .notAFolder(let path):
            "not a folder: \(path) (give the folder of a Git repository)"
        case .notARepository(let path):
            "not a Git repository (nor inside one): \(path)"
        case .unsafeOwnership(let path):
            "\(path) belongs to another user, so Git's safe.directory rule forbids reading it; if you trust it, "
                + "run: git config --global --add safe.directory '\(path)'"
        case .unreadableRepository(let path, let error):
            "cannot open the repository at \(path): \(error.message)"
        case .emptyRepository(let path):
            "the repository at \(path) has no commits yet"
        case .unbornHead(let branch):
            "HEAD is on branch '\(branch)', which has no commits yet; name a revision to analyse"
        case .unknownRevision(let revision, let error):
            "unknown revision '\(revision)': \(error.message)"
        case .unreadableObject(let error):
            "cannot read the history: \(error.message)"
        case .unreadableCommit(let commit, let error):
            "cannot read the history: commit \(commit) cannot be diffed: \(error.message) (the repository is "
                + "damaged; `git fsck` lists what is broken)"
        }
    }
}

/// Something the user should know about an analysis that still went ahead.
public struct HistoryWarning: Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable name, for example `shallow_clone`.
    public let kind: String
    public let message: String

    public init(kind: String, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
