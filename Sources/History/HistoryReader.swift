import ChurnCache
import Foundation
import Git

/// Reads a repository's history one commit at a time: walks the requested range, diffs each commit against its
/// first parent, resolves the author through `.mailmap`, and marks the files that count for nothing.
///
/// It streams: memory holds the walk's frontier, one window of diffs and per-path caches, never the history, so the
/// first record is ready as soon as its window is diffed. The diffs of a window come from the cache when it holds
/// them, else from `jobs` threads (see ``DiffScheduler``); the records come out in the walk's order either way.
/// Like the ``Repository`` it owns, a reader belongs to one thread.
public final class HistoryReader {
    public let repository: Repository
    /// The folder the user knows the repository by: its working tree, or the git directory if bare.
    public let repositoryPath: String
    public let head: Head
    public let options: HistoryOptions
    /// What the user should know about this history (a shallow clone, a malformed commit…).
    public var warnings: [HistoryWarning] {
        var warnings = notices
        if let cache { warnings += cache.warnings.map { HistoryWarning(kind: "cache", message: $0) } }
        if missingContent > 0 || renamesSkipped > 0 {
            var message = "objects are missing from the object database (a partial clone, or a damaged repository): "
            var effects: [String] = []
            if missingContent > 0 { effects.append("\(missingContent) file version(s) count 0 lines") }
            if renamesSkipped > 0 { effects.append("\(renamesSkipped) commit(s) were diffed without rename detection") }
            message += effects.joined(separator: ", ") + "; fetch the missing objects for exact figures"
            warnings.append(HistoryWarning(kind: "missing_blobs", message: message))
        }
        return warnings
    }

    /// The revision the range ends at (its first included tip, HEAD by default): whose files are "the files now".
    public var analysedRevision: ObjectID? { attributesCommit }

    private var notices: [HistoryWarning] = []
    private var delivered = 0
    private var missingContent = 0
    private var renamesSkipped = 0

    private let walk: RevisionWalk
    private let include: [ObjectID]
    private let exclude: [ObjectID]
    private let shallowBoundary: Set<ObjectID>
    /// The commit whose `.gitattributes` decide what is generated or vendored: the tip being analysed.
    private let attributesCommit: ObjectID?
    private let mailmap: Mailmap?
    private var identities: [Identity: Identity] = [:]
    private var exclusions: [String: Exclusion?] = [:]
    /// The linguist attributes as of `attributesCommit`, opened at the first path that needs them.
    private var linguistAttributes: AttributeLookup?
    private var warnedKinds: Set<String> = []

    /// The diff cache, when the options ask for one and it could be opened.
    public let cache: ChurnCache?
    private let scheduler: DiffScheduler
    /// Commits walked and diffed ahead of the caller, with the walk's order kept.
    private var window: [(commit: Commit, diff: Result<TreeDiff, GitError>?)] = []
    private var windowPosition = 0
    private var windowSize = 16
    private var walkDone = false
    /// The walk reached its end (not a failure, not `maxCount`).
    private var walkCompleted = false
    private var walkError: GitError?
    private var walked = 0
    /// The windows walked after the current one, their diffs under way.
    private var ahead: [WalkedWindow] = []

    private struct WalkedWindow {
        let commits: [(commit: Commit, diff: Result<TreeDiff, GitError>?)]
        /// Where in `commits` each requested diff goes.
        let requestSlots: [Int]
        let pending: DiffScheduler.Pending
    }

    /// Opens the repository at or above `path` (the current folder when `nil`) and prepares the walk.
    public convenience init(path: String?, options: HistoryOptions) throws(HistoryError) {
        try self.init(repository: try Self.openRepository(path), options: options)
    }

    /// Prepares the walk over an open repository (see ``openRepository(_:)``).
    public init(repository: Repository, options: HistoryOptions) throws(HistoryError) {
        self.repository = repository
        self.options = options
        let location = repository.workingDirectory ?? repository.gitDirectory
        repositoryPath = location.count > 1 && location.hasSuffix("/") ? String(location.dropLast()) : location

        do {
            head = try repository.head()
        } catch {
            throw .unreadableRepository(repositoryPath, error)
        }
        if case .unborn(let branch) = head {
            if repository.isEmpty { throw .emptyRepository(repositoryPath) }
            if options.revisions.isEmpty { throw .unbornHead(branch: branch) }
        }

        var include: [ObjectID] = []
        var exclude: [ObjectID] = []
        for revision in options.revisions.isEmpty ? ["HEAD"] : options.revisions {
            do {
                if revision.hasPrefix("^") {
                    exclude.append(try repository.resolveCommit(String(revision.dropFirst())))
                    continue
                }
                switch try repository.parseRevision(revision) {
                case .single(let commit):
                    include.append(commit)
                case .range(let from, let to):
                    exclude.append(from)
                    include.append(to)
                case .symmetricDifference(let one, let two):
                    include.append(contentsOf: [one, two])
                    exclude.append(contentsOf: try repository.mergeBases(one, two))
                }
            } catch {
                throw .unknownRevision(revision, error)
            }
        }
        attributesCommit = include.first
        self.include = include
        self.exclude = exclude

        do {
            shallowBoundary = try repository.shallowBoundary()
            walk = try RevisionWalk(repository: repository, include: include, exclude: exclude,
                                    firstParent: options.firstParent, shallowBoundary: shallowBoundary)
        } catch {
            throw .unreadableObject(error)
        }
        mailmap = try? repository.mailmap()
        // The cache only ever saves time: when it cannot be used, the run goes on without it, with a warning.
        let cachePath: String? = switch options.cache {
        case .none: nil
        case .file(let path): path
        case .inRepository: Self.defaultCachePath(for: repository)
        }
        if let cachePath {
            do {
                cache = try ChurnCache(path: cachePath)
            } catch {
                cache = nil
                notices.append(HistoryWarning(kind: "cache", message: "no cache for this run: \(error)"))
            }
        } else {
            cache = nil
        }
        // Workers open the git directory itself: the folder the user named may hold it under another name.
        scheduler = DiffScheduler(repositoryPath: repository.gitDirectory, options: options.diff, jobs: options.jobs,
                                  cache: cache)
        if !shallowBoundary.isEmpty {
            warn("shallow_clone",
                 "shallow clone: history is cut off at \(shallowBoundary.count) boundary commit(s), so older "
                     + "commits are missing and the boundary commits' churn is unknown; fetch the full history "
                     + "(git fetch --unshallow, or fetch-depth: 0 in CI) for complete figures")
        }
    }

    /// The next commit of the range, or `nil` when the walk is done.
    public func next() throws(HistoryError) -> CommitRecord? {
        while true {
            if let maxCount = options.maxCount, delivered >= maxCount { return nil }
            if windowPosition == window.count {
                try fillWindow()
                if window.isEmpty {
                    if walkCompleted {
                        walkCompleted = false
                        recordTip()
                    }
                    return nil
                }
            }
            let (commit, diff) = window[windowPosition]
            windowPosition += 1
            if commit.readLeniently {
                warn("malformed_commit", "commit \(commit.id) has a malformed author or committer line; it was "
                         + "read leniently, as git shows it (see `git fsck`)")
            }
            let record = try record(for: commit, diff: diff)
            if options.readsChurn, options.paths.narrowsCommits,
               !record.files.contains(where: { $0.exclusion != .notIncluded }) {
                continue
            }
            delivered += 1
            return record
        }
    }

    /// Keeps the commits this walk reads in `memo`, for a later walk over the same range (see ``CommitMemo``).
    public func recordCommits(into memo: CommitMemo) {
        walk.memo = .record(memo)
    }

    /// Takes the commits this walk needs from `memo` when it holds them, rather than reading them again.
    public func replayCommits(from memo: CommitMemo) {
        walk.memo = .replay(memo)
    }

    /// Diffs read from the cache and diffs computed so far.
    public var diffCounts: (cached: Int, computed: Int) { (scheduler.cacheHits, scheduler.computed) }

    /// How many commits the range holds (dates applied; path filters and `maxCount` not): the total a progress
    /// display counts towards. It walks the range once more, without diffing.
    public func countCommits() throws(HistoryError) -> Int {
        do {
            let walk = try RevisionWalk(repository: repository, include: include, exclude: exclude,
                                        firstParent: options.firstParent, shallowBoundary: shallowBoundary)
            var count = 0
            while let commit = try walk.next() {
                if let since = options.since, !since.admitsAsSince(commit.author.time) { continue }
                if let until = options.until, !until.admitsAsUntil(commit.author.time) { continue }
                count += 1
            }
            return count
        } catch {
            throw .unreadableObject(error)
        }
    }

    /// Makes the next window current. Its diffs were started when it was walked; the walk keeps two windows ahead
    /// of the caller, started before this one is waited for, so the workers always have a window to diff while the
    /// caller reads (with one, they idled whenever they finished before the caller did).
    private func fillWindow() throws(HistoryError) {
        window.removeAll(keepingCapacity: true)
        windowPosition = 0
        topUpAhead()
        guard !ahead.isEmpty else {
            if let walkError {
                self.walkError = nil
                throw .unreadableObject(walkError)
            }
            return
        }
        let current = ahead.removeFirst()
        topUpAhead()
        window = current.commits
        for (slot, diff) in zip(current.requestSlots, scheduler.finish(current.pending)) {
            window[slot].diff = diff
        }
    }

    private func topUpAhead() {
        while ahead.count < 2, let next = walkWindow() { ahead.append(next) }
    }

    /// The next commits of the range, with the diffs of those that need one started; `nil` when the walk is over
    /// (or failed: the commits walked before a failure come first, and the error in their place).
    private func walkWindow() -> WalkedWindow? {
        var limit = windowSize
        if let maxCount = options.maxCount, !options.paths.narrowsCommits {
            limit = min(limit, maxCount - walked)
        }
        windowSize = min(windowSize * 2, 256 * max(1, options.jobs))
        var commits: [(commit: Commit, diff: Result<TreeDiff, GitError>?)] = []
        var requests: [DiffRequest] = []
        var requestSlots: [Int] = []
        while !walkDone && commits.count < limit {
            let commit: Commit
            do {
                guard let next = try walk.next() else {
                    walkDone = true
                    walkCompleted = true
                    break
                }
                commit = next
            } catch {
                walkError = error
                walkDone = true
                break
            }
            if let since = options.since, !since.admitsAsSince(commit.author.time) { continue }
            if let until = options.until, !until.admitsAsUntil(commit.author.time) { continue }
            let isBoundary = shallowBoundary.contains(commit.id)
            if options.readsChurn && !isBoundary && (!commit.isMerge || options.diffMerges) {
                requests.append(DiffRequest(commit: commit.id, firstParent: commit.parents.first, tree: commit.tree))
                requestSlots.append(commits.count)
            }
            commits.append((commit, nil))
        }
        walked += commits.count
        guard !commits.isEmpty else { return nil }
        let trees = Dictionary(commits.map { ($0.commit.id, $0.commit.tree) }, uniquingKeysWith: { first, _ in first })
        for index in requests.indices {
            if let parent = requests[index].firstParent { requests[index].parentTree = trees[parent] }
        }
        return WalkedWindow(commits: commits, requestSlots: requestSlots, pending: scheduler.start(requests))
    }

    /// The subjects of the newest `limit` non-merge commits of the same range and dates, read without diffing:
    /// what the classifier needs to know whether the repository writes Conventional Commits. A range too small to
    /// tell (fewer than `minimum` commits) is widened to the history behind it, so that a CI run over a few new
    /// commits judges the repository, not the handful.
    public func sampleSubjects(limit: Int = 1000, minimum: Int = 50) throws(HistoryError) -> [String] {
        var subjects = try subjects(include: include, exclude: exclude, dated: true, limit: limit)
        if subjects.count < minimum {
            subjects = try self.subjects(include: include, exclude: [], dated: false, limit: limit)
        }
        return subjects
    }

    private func subjects(include: [ObjectID], exclude: [ObjectID], dated: Bool, limit: Int)
        throws(HistoryError) -> [String] {
        do {
            let walk = try RevisionWalk(repository: repository, include: include, exclude: exclude,
                                        firstParent: options.firstParent, shallowBoundary: shallowBoundary)
            var subjects: [String] = []
            while subjects.count < limit, let commit = try walk.next() {
                if commit.isMerge { continue }
                if dated, let since = options.since, !since.admitsAsSince(commit.author.time) { continue }
                if dated, let until = options.until, !until.admitsAsUntil(commit.author.time) { continue }
                subjects.append(commit.summary)
            }
            return subjects
        } catch {
            throw .unreadableObject(error)
        }
    }

    private func record(for commit: Commit, diff: Result<TreeDiff, GitError>?) throws(HistoryError) -> CommitRecord {
        var files: [FileChurn] = []
        if let diff {
            switch diff {
            case .success(let diff):
                if diff.renamesSkipped { renamesSkipped += 1 }
                files = diff.files.map { FileChurn(delta: $0, exclusion: exclusion(for: $0.path)) }
            case .failure(let error):
                throw .unreadableCommit(commit.id, error)
            }
        }
        missingContent += files.filter(\.delta.isContentMissing).count
        return CommitRecord(id: commit.id, parents: commit.parents, author: identity(of: commit.author),
                            authorTime: commit.author.time, committerTime: commit.committer.time,
                            summary: commit.summary, message: commit.message, files: files,
                            isShallowBoundary: shallowBoundary.contains(commit.id), isDiffed: diff != nil)
    }

    private func identity(of signature: Signature) -> Identity {
        let raw = Identity(name: signature.name, email: signature.email)
        if let known = identities[raw] { return known }
        var resolved = raw
        if let mailmap, let canonical = try? mailmap.resolve(name: raw.name, email: raw.email) {
            resolved = Identity(name: canonical.name, email: canonical.email)
        }
        identities[raw] = resolved
        return resolved
    }

    private func exclusion(for path: String) -> Exclusion? {
        if let known = exclusions[path] { return known }
        let exclusion = options.paths.exclusion(for: path) { linguistMarks(for: path) }
        exclusions[path] = exclusion
        return exclusion
    }

    private func linguistMarks(for path: String) -> LinguistMarks {
        guard options.useLinguistAttributes, let commit = attributesCommit else { return LinguistMarks() }
        if linguistAttributes == nil {
            linguistAttributes = try? AttributeLookup(repository: repository, commit: commit,
                                                      names: ["linguist-generated", "linguist-vendored"])
        }
        guard let values = try? linguistAttributes?.values(for: path) else { return LinguistMarks() }
        func mark(_ value: AttributeValue) -> Bool? {
            switch value {
            case .set: true
            case .unset: false
            case .value(let text): text.lowercased() == "true" ? true : (text.lowercased() == "false" ? false : nil)
            case .unspecified: nil
            }
        }
        return LinguistMarks(generated: mark(values[0]), vendored: mark(values[1]))
    }

    private func warn(_ kind: String, _ message: String) {
        guard warnedKinds.insert(kind).inserted else { return }
        notices.append(HistoryWarning(kind: kind, message: message))
    }

    /// Once a whole walk is read, the cache remembers its tip as the last analysed commit of the revision (`HEAD`
    /// when none was named), which is where `ktlo ci` starts its next run. Ranges are not tips, so they are not kept.
    private func recordTip() {
        guard let cache, let tip = include.first, include.count == 1, exclude.isEmpty else { return }
        let revision = options.revisions.isEmpty ? "HEAD" : options.revisions[0]
        cache.recordTip(tip, of: revision)
    }

    /// Where ``CacheLocation/inRepository`` keeps the cache of `repository`.
    public static func defaultCachePath(for repository: Repository) -> String {
        let common = repository.commonDirectory
        return common + (common.hasSuffix("/") ? "" : "/") + "ktlo/churn.sqlite"
    }

    /// Opens the repository at or above `path` (the current folder when `nil`), with one clear error for each kind
    /// of bad input.
    public static func openRepository(_ path: String?) throws(HistoryError) -> Repository {
        let path = path ?? FileManager.default.currentDirectoryPath
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw .noSuchPath(path) }
        guard isFolder.boolValue else { throw .notAFolder(path) }
        do {
            return try Repository.discover(from: path)
        } catch {
            switch error.code {
            case .notFound: throw .notARepository(path)
            case .owner: throw .unsafeOwnership(path)
            default: throw .unreadableRepository(path, error)
            }
        }
    }
}
