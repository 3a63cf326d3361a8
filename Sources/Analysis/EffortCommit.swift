import Git
import History

/// What the effort report needs of one commit, and nothing more: who, which day, what for, how many lines where.
///
/// A commit read from Git (``ClassifiedCommit``) and a commit read back from saved NDJSON records are both turned
/// into this, so that a report built from records adds up exactly as one built from the repositories themselves.
public struct EffortCommit: Sendable {
    /// One changed file: its path and the lines that count toward churn (0 when excluded or binary).
    public struct File: Sendable {
        public let path: String
        /// Neither excluded nor binary.
        public let counts: Bool
        /// Lines added plus deleted.
        public let lines: Int

        public init(path: String, counts: Bool, lines: Int) {
            self.path = path
            self.counts = counts
            self.lines = lines
        }
    }

    /// The author after `.mailmap`; people are told apart by e-mail (by name when there is none), ignoring case.
    public let author: Identity
    /// The author date in the author's own calendar.
    public let day: CivilDate
    public let category: Category
    public let isMerge: Bool
    /// Bots count in commits and churn but spend no dev-days.
    public let isBot: Bool
    /// The classifier could only guess (confidence below 0.5).
    public let isLowConfidence: Bool
    /// Lines added and deleted in files that count.
    public let churn: Int
    /// The changed files; only needed for a component breakdown.
    public let files: [File]
    /// Which repository the commit is from, when a report covers several.
    public let repository: String?

    public init(author: Identity, day: CivilDate, category: Category, isMerge: Bool, isBot: Bool,
                isLowConfidence: Bool, churn: Int, files: [File], repository: String? = nil) {
        self.author = author
        self.day = day
        self.category = category
        self.isMerge = isMerge
        self.isBot = isBot
        self.isLowConfidence = isLowConfidence
        self.churn = churn
        self.files = files
        self.repository = repository
    }

    /// The effort-relevant part of a classified commit.
    public init(_ commit: ClassifiedCommit, isBot: Bool, repository: String? = nil, keepFiles: Bool = true) {
        let record = commit.record
        self.init(author: record.author, day: record.authorTime.localDate, category: commit.classification.category,
                  isMerge: record.isMerge, isBot: isBot,
                  isLowConfidence: !record.isMerge && commit.classification.isLowConfidence,
                  churn: record.added + record.deleted,
                  files: keepFiles ? record.files.map { File(path: $0.path, counts: $0.counts,
                                                            lines: $0.added + $0.deleted) } : [],
                  repository: repository)
    }
}
