import Foundation
import Git
import History

/// Reads classified commits newest first, as ``HistoryReader`` streams them, and keeps per-file aggregates only:
/// memory grows with the number of paths and pairs of paths, never with the number of commits.
///
/// Files are followed through renames: the files present at the analysed revision are known before the walk, and
/// when a commit renames `old` to `new`, every older commit's `old` counts for whatever `new` is now. A file that is
/// not present at the analysed revision (deleted, or renamed into a file that was deleted) counts for no row.
public struct HistoryAggregator {
    /// What the walk produced: one history per row, the coupling counts, and the effort of the whole range.
    public struct Result: Sendable {
        public let entities: [EntityHistory]
        public let coupling: CouplingCounts
        /// Effort of every commit of the range per bucket, whether its files are present or not.
        public let totalEffort: [Bucket: Effort]
        /// Non-merge commits read.
        public let commits: Int
    }

    private let profile: RangeProfile
    private let grouping: Grouping
    private let isBot: (Identity) -> Bool
    private let maxChangesetSize: Int
    private let samplesPerFile: Int

    /// A path at some commit → the present file it is now (-1: a file that is gone).
    private var alias: [String: Int32] = [:]
    private var presentPaths: [String]
    private var entityOfFile: [Int32]
    private var entities: [EntityState]
    private var samples: [SampleState]
    private var pairCounts: [UInt64: Int32] = [:]
    private var totalEffort: [Bucket: Effort] = [:]
    private var commits = 0

    /// - Parameters:
    ///   - presentFiles: the paths of the files at the analysed revision.
    ///   - profile: the range's span, recent window and author-days (``RangeProfile``).
    ///   - grouping: files, or folders of them.
    ///   - maxChangesetSize: commits with more files (rows) than this count for no coupling (code-maat: 30).
    ///   - isBot: whether an author is a bot (no dev-days, no knowledge).
    public init(presentFiles: [String], profile: RangeProfile, grouping: Grouping = .file,
                maxChangesetSize: Int = 30, samplesPerFile: Int = 16, isBot: @escaping (Identity) -> Bool) {
        self.profile = profile
        self.grouping = grouping
        self.isBot = isBot
        self.maxChangesetSize = maxChangesetSize
        self.samplesPerFile = max(2, samplesPerFile)
        presentPaths = presentFiles
        var entityIndex: [String: Int32] = [:]
        var entities: [EntityState] = []
        var entityOfFile: [Int32] = []
        for (index, path) in presentFiles.enumerated() {
            alias[path] = Int32(index)
            let key = grouping.key(for: path)
            let entity: Int32
            if let known = entityIndex[key] {
                entity = known
            } else {
                entity = Int32(entities.count)
                entityIndex[key] = entity
                entities.append(EntityState(history: EntityHistory(path: key)))
            }
            entities[Int(entity)].history.files.append(path)
            entityOfFile.append(entity)
        }
        self.entities = entities
        self.entityOfFile = entityOfFile
        samples = grouping.isFile ? Array(repeating: SampleState(), count: presentFiles.count) : []
    }

    /// The present file `path` (at some commit) is now, or -1.
    private func resolve(_ path: String) -> Int32 {
        alias[path] ?? -1
    }

    /// Adds one commit. Records must come newest first, so that renames are seen before the history behind them.
    public mutating func add(_ record: CommitRecord, _ classification: Classification) {
        guard record.isDiffed, !record.isMerge else {
            applyRenames(record)
            return
        }
        commits += 1
        let counted = record.files.filter(\.counts)
        let churn = counted.reduce(0) { $0 + $1.added + $1.deleted }
        let effort = Effort(commits: 1, churn: Double(churn), devDays: profile.devDays(of: record, isBot: isBot(record.author)))
        if let bucket = classification.bucket { totalEffort[bucket, default: Effort()] += effort }

        // Each row the commit touched, once, with the lines and the share of the commit's effort it took.
        var touched: [Int32: (added: Int, deleted: Int, share: Double)] = [:]
        var changeset: Set<String> = []
        for file in record.files where !file.isExcluded {
            let present = resolve(file.path)
            changeset.insert(present >= 0 ? entities[Int(entityOfFile[Int(present)])].history.path
                                          : grouping.key(for: file.path))
            guard present >= 0 else { continue }
            let share: Double
            if !file.counts {
                share = 0
            } else if churn > 0 {
                share = Double(file.added + file.deleted) / Double(churn)
            } else {
                share = 1 / Double(counted.count)
            }
            let entity = entityOfFile[Int(present)]
            let lines = file.counts ? (file.added, file.deleted) : (0, 0)
            let sofar = touched[entity] ?? (0, 0, 0)
            touched[entity] = (sofar.added + lines.0, sofar.deleted + lines.1, sofar.share + share)
            if !samples.isEmpty {
                samples[Int(present)].add(Touch(commit: record.id, path: file.path, time: record.authorTime),
                                          capacity: samplesPerFile)
            }
        }

        let time = record.authorTime
        let recent = time.secondsSinceEpoch >= profile.recentStart
        let isFix = classification.category == .fix
        let fixWeight = isFix ? Self.bugspotsWeight(profile.normalizedTime(time.secondsSinceEpoch)) : 0
        let bot = isBot(record.author)
        for (entity, lines) in touched {
            entities[Int(entity)].add(author: bot ? nil : record.author, time: time, recent: recent, isFix: isFix,
                                      fixWeight: fixWeight, added: lines.added, deleted: lines.deleted,
                                      bucket: classification.bucket, effort: effort * lines.share)
        }
        if changeset.count <= maxChangesetSize && touched.count > 0 {
            countCoupling(Array(touched.keys).sorted(), changesetSize: changeset.count)
        }
        applyRenames(record)
    }

    /// Google's bug-prediction weight: 1 / (1 + e^(−12t + 12)), t ∈ [0, 1] from the oldest to the newest commit.
    public static func bugspotsWeight(_ t: Double) -> Double {
        1 / (1 + exp(-12 * t + 12))
    }

    private mutating func countCoupling(_ rows: [Int32], changesetSize: Int) {
        for row in rows {
            entities[Int(row)].couplingRevisions += 1
            entities[Int(row)].sumOfCoupling += changesetSize - 1
        }
        guard rows.count > 1 else { return }
        for first in 0..<(rows.count - 1) {
            for second in (first + 1)..<rows.count {
                pairCounts[UInt64(UInt32(rows[first])) << 32 | UInt64(UInt32(rows[second])), default: 0] += 1
            }
        }
    }

    /// After a commit renamed `old` to `new`, older commits' `old` is whatever `new` is now. Done after the whole
    /// commit, since the same commit may create a new file at `old` ("move keep.txt away and start a new one").
    private mutating func applyRenames(_ record: CommitRecord) {
        for file in record.files where file.status == .renamed {
            guard let old = file.oldPath else { continue }
            alias[old] = resolve(file.path)
        }
    }

    public func result() -> Result {
        let histories = entities.map { state -> EntityHistory in
            var history = state.history
            history.authors = state.authors.values.sorted {
                ($0.revisions, $1.author.name, $1.author.email) > ($1.revisions, $0.author.name, $0.author.email)
            }
            history.departedAuthors = Set(history.authors.map(\.author).filter { !profile.activeAuthors.contains($0) })
            if grouping.isFile, let file = history.files.first,
               let fileIndex = alias[file].map(Int.init), fileIndex >= 0, fileIndex < samples.count {
                history.samples = samples[fileIndex].touches
                if let oldest = samples[fileIndex].oldest, history.samples.last != oldest {
                    history.samples.append(oldest)
                }
            }
            return history
        }
        var pairs: [CouplingCounts.Pair] = []
        pairs.reserveCapacity(pairCounts.count)
        for (key, shared) in pairCounts {
            pairs.append(CouplingCounts.Pair(first: Int(key >> 32), second: Int(key & 0xFFFF_FFFF), shared: Int(shared)))
        }
        let counts = CouplingCounts(rows: histories.map(\.path), revisions: entities.map(\.couplingRevisions),
                                    sumOfCoupling: entities.map(\.sumOfCoupling), pairs: pairs)
        return Result(entities: histories, coupling: counts, totalEffort: totalEffort, commits: commits)
    }
}

/// The running aggregate of one row.
private struct EntityState {
    var history: EntityHistory
    var authors: [Identity: AuthorShare] = [:]
    var couplingRevisions = 0
    var sumOfCoupling = 0

    mutating func add(author: Identity?, time: Timestamp, recent: Bool, isFix: Bool, fixWeight: Double, added: Int,
                      deleted: Int, bucket: Bucket?, effort: Effort) {
        history.revisions += 1
        if recent { history.recentRevisions += 1 }
        if isFix {
            history.fixes += 1
            history.fixScore += fixWeight
        }
        history.added += added
        history.deleted += deleted
        if let bucket { history.effort[bucket, default: Effort()] += effort }
        if history.firstChange.map({ time.secondsSinceEpoch < $0.secondsSinceEpoch }) ?? true { history.firstChange = time }
        if history.lastChange.map({ time.secondsSinceEpoch > $0.secondsSinceEpoch }) ?? true { history.lastChange = time }
        if let author {
            var share = authors[author] ?? AuthorShare(author: author, revisions: 0, added: 0)
            share.revisions += 1
            share.added += added
            authors[author] = share
        }
    }
}

/// Every `stride`-th touch of a file, newest first: when there are more than the capacity, every other one goes and
/// the stride doubles, so the samples stay evenly spaced over the whole history in bounded memory.
private struct SampleState {
    var touches: [Touch] = []
    var oldest: Touch?
    private var stride = 1
    private var seen = 0

    mutating func add(_ touch: Touch, capacity: Int) {
        if seen % stride == 0 {
            touches.append(touch)
            if touches.count > capacity {
                touches = touches.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
                stride *= 2
            }
        }
        seen += 1
        oldest = touch
    }
}

extension Effort {
    static func += (lhs: inout Effort, rhs: Effort) { lhs = lhs + rhs }
}
