import Git
import History

/// One person's part in a file's history.
public struct AuthorShare: Sendable, Hashable {
    public let author: Identity
    public var revisions: Int
    public var added: Int

    public init(author: Identity, revisions: Int, added: Int) {
        self.author = author
        self.revisions = revisions
        self.added = added
    }
}

/// A commit that touched a file, and the file's path at that commit (before a later rename).
public struct Touch: Sendable, Hashable {
    public let commit: ObjectID
    public let path: String
    public let time: Timestamp

    public init(commit: ObjectID, path: String, time: Timestamp) {
        self.commit = commit
        self.path = path
        self.time = time
    }
}

/// The history of one file present at the analysed revision (or of one folder of them), followed back through
/// renames: how often it changed, how much, by whom, and for what.
public struct EntityHistory: Sendable {
    /// The file's path at the analysed revision (or the folder's).
    public let path: String
    /// The files the row holds (one, for a file).
    public internal(set) var files: [String] = []
    /// Non-merge commits that changed it.
    public internal(set) var revisions = 0
    /// Of those, the ones in the recent window.
    public internal(set) var recentRevisions = 0
    public internal(set) var added = 0
    public internal(set) var deleted = 0
    /// Commits classified `fix`.
    public internal(set) var fixes = 0
    /// Σ over fix commits of 1 / (1 + e^(−12t + 12)), t the commit's place in the range (0 oldest, 1 newest).
    public internal(set) var fixScore = 0.0
    /// Effort that landed on it per bucket, spread over each commit's files by their churn.
    public internal(set) var effort: [Bucket: Effort] = [:]
    public internal(set) var firstChange: Timestamp?
    public internal(set) var lastChange: Timestamp?
    /// People who changed it (bots left out), most revisions first.
    public internal(set) var authors: [AuthorShare] = []
    /// Authors with no commit anywhere in the recent window.
    public internal(set) var departedAuthors: Set<Identity> = []
    /// Commits that touched it, evenly spaced over its history, newest first (for the complexity trend).
    public internal(set) var samples: [Touch] = []

    public init(path: String) {
        self.path = path
    }

    public var churn: Int { added + deleted }

    /// The author with the most added lines (code-maat's main developer), ties to the most revisions.
    public var mainAuthor: AuthorShare? {
        authors.max { ($0.added, $0.revisions, $1.author.name) < ($1.added, $1.revisions, $0.author.name) }
    }

    /// The main author's share of the added lines (of the revisions, when no line was added).
    public var ownership: Double {
        guard let main = mainAuthor else { return 0 }
        let added = authors.reduce(0) { $0 + $1.added }
        if added > 0 { return Double(main.added) / Double(added) }
        let revisions = authors.reduce(0) { $0 + $1.revisions }
        return revisions > 0 ? Double(main.revisions) / Double(revisions) : 0
    }

    /// code-maat's fragmentation: 1 − Σ (author's revisions / revisions)²; 0 when one person made every change.
    public var fragmentation: Double {
        let total = authors.reduce(0) { $0 + $1.revisions }
        guard total > 0 else { return 0 }
        return 1 - authors.reduce(0.0) { $0 + pow2(Double($1.revisions) / Double(total)) }
    }

    /// The share of the added lines written by authors who made no commit in the recent window.
    public var departedShare: Double {
        let added = authors.reduce(0) { $0 + $1.added }
        let gone = authors.filter { departedAuthors.contains($0.author) }
        if added > 0 { return Double(gone.reduce(0) { $0 + $1.added }) / Double(added) }
        return authors.isEmpty ? 0 : Double(gone.count) / Double(authors.count)
    }

    /// The KTLO share of the effort spent on it, in `measure`.
    public func ktloShare(_ measure: EffortMeasure) -> Double {
        let total = effort.values.reduce(0) { $0 + $1[measure] }
        return total > 0 ? (effort[.ktlo]?[measure] ?? 0) / total : 0
    }
}

private func pow2(_ value: Double) -> Double { value * value }
