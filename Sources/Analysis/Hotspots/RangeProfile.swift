import Git
import History

/// (author, calendar day in the author's own offset): the unit of a dev-day.
public struct AuthorDay: Sendable, Hashable {
    public let author: Identity
    public let day: CivilDate

    public init(author: Identity, day: CivilDate) {
        self.author = author
        self.day = day
    }
}

/// What the whole analysed range says before any file is looked at: when it starts and ends, who was active in its
/// recent window, and how many commits each person made each day.
///
/// It is learned from a walk without diffs (a few percent of a full read) before the real walk, because the
/// per-file figures need it as each commit streams past: a fix's weight depends on where it falls in the range,
/// and a commit's share of its author's day on how many commits that author made that day. Memory: one entry per
/// author-day.
public struct RangeProfile: Sendable {
    /// The oldest and newest author times of the range, in seconds since the epoch.
    public let oldest: Int64
    public let newest: Int64
    /// The start of the recent window: `newest` minus the window's length.
    public let recentStart: Int64
    /// People (not bots) with at least one commit in the recent window.
    public let activeAuthors: Set<Identity>
    /// Non-merge commits per (person, day); bots are left out, as they spend no dev-days.
    public let commitsPerAuthorDay: [AuthorDay: Int]

    public init(oldest: Int64, newest: Int64, recentStart: Int64, activeAuthors: Set<Identity>,
                commitsPerAuthorDay: [AuthorDay: Int]) {
        self.oldest = oldest
        self.newest = newest
        self.recentStart = recentStart
        self.activeAuthors = activeAuthors
        self.commitsPerAuthorDay = commitsPerAuthorDay
    }

    /// Where `time` falls in the range: 0 at its oldest commit, 1 at its newest (bugspots' normalised time).
    public func normalizedTime(_ time: Int64) -> Double {
        guard newest > oldest else { return 1 }
        return min(1, max(0, Double(time - oldest) / Double(newest - oldest)))
    }

    /// A commit's dev-days: its share of its author's day, or 0 for a bot or a merge.
    public func devDays(of record: CommitRecord, isBot: Bool) -> Double {
        guard !isBot, !record.isMerge else { return 0 }
        let count = commitsPerAuthorDay[AuthorDay(author: record.author, day: record.authorTime.localDate)] ?? 1
        return 1 / Double(max(1, count))
    }

    /// Builds a profile from the range's commits, in any order.
    public struct Builder {
        private let windowSeconds: Int64
        private var oldest = Int64.max
        private var newest = Int64.min
        private var lastCommitOf: [Identity: Int64] = [:]
        private var perDay: [AuthorDay: Int] = [:]

        /// - Parameter recentDays: the length of the recent window (default: half a year).
        public init(recentDays: Int = 182) {
            windowSeconds = Int64(recentDays) * 86_400
        }

        public mutating func add(_ record: CommitRecord, isBot: Bool) {
            let time = record.authorTime.secondsSinceEpoch
            oldest = min(oldest, time)
            newest = max(newest, time)
            guard !isBot, !record.isMerge else { return }
            lastCommitOf[record.author] = max(lastCommitOf[record.author] ?? .min, time)
            perDay[AuthorDay(author: record.author, day: record.authorTime.localDate), default: 0] += 1
        }

        public func build() -> RangeProfile {
            let newest = newest == .min ? 0 : newest
            let oldest = oldest == .max ? newest : oldest
            let recentStart = newest - windowSeconds
            let active = Set(lastCommitOf.filter { $0.value >= recentStart }.keys)
            return RangeProfile(oldest: oldest, newest: newest, recentStart: recentStart, activeAuthors: active,
                                commitsPerAuthorDay: perDay)
        }
    }
}
