import ChurnCache
import Dispatch
import Foundation
import Git

/// One commit to diff: its tree against its first parent's (the empty tree for a root commit).
struct DiffRequest: Sendable {
    let commit: ObjectID
    let firstParent: ObjectID?
    let tree: ObjectID
    /// The first parent's tree, when the walk has read that commit already (it usually follows its child in the
    /// same window): the worker then need not read the parent commit again.
    var parentTree: ObjectID?
}

/// Diffs windows of commits: what the cache holds is read from it, the rest is diffed on `jobs` threads and stored.
///
/// libgit2 objects are not shared between threads, so each worker owns a repository opened on the same path. A
/// window is cut into runs of consecutive commits handed out in turn, which keeps each worker's trees and blobs warm
/// (consecutive commits share most trees, and one commit's new file is the next change's old file) while a run of
/// expensive commits cannot leave the other workers idle. Windows are diffed one after the other on a serial queue,
/// in the background: the caller walks and consumes one window while the next is diffed. Results come back in each
/// window's order, so the output is the same for any number of jobs.
final class DiffScheduler {
    private let repositoryPath: String
    private let options: DiffOptions
    private let jobs: Int
    private let cache: ChurnCache?
    private let settingsKey: String
    private var workers: [Worker]?
    private var workerError: GitError?
    /// Runs one window's diffs at a time, so that no worker's repository is ever used by two threads.
    private let queue = DispatchQueue(label: "ktlo.diff-scheduler")

    /// Diffs read from the cache, and diffs computed, over the scheduler's life.
    private(set) var cacheHits = 0
    private(set) var computed = 0

    init(repositoryPath: String, options: DiffOptions, jobs: Int, cache: ChurnCache?) {
        self.repositoryPath = repositoryPath
        self.options = options
        self.jobs = max(1, jobs)
        self.cache = cache
        settingsKey = ChurnCache.settingsKey(for: options)
    }

    /// A window whose diffs are under way.
    final class Pending {
        fileprivate let requests: [DiffRequest]
        fileprivate var results: [Result<TreeDiff, GitError>?]
        fileprivate let missing: [Int]
        fileprivate let slots: ResultSlots?
        fileprivate let done = DispatchGroup()

        fileprivate init(requests: [DiffRequest], results: [Result<TreeDiff, GitError>?], missing: [Int]) {
            self.requests = requests
            self.results = results
            self.missing = missing
            slots = missing.isEmpty ? nil : ResultSlots(count: missing.count)
        }
    }

    /// Starts the diffs of `requests`: the cache is read now, the rest is queued for the workers.
    func start(_ requests: [DiffRequest]) -> Pending {
        let cached = requests.isEmpty ? [:] : cache?.diffs(of: requests.lazy.map(\.commit), settings: settingsKey) ?? [:]
        cacheHits += cached.count
        var results = [Result<TreeDiff, GitError>?](repeating: nil, count: requests.count)
        var missing: [Int] = []
        for (index, request) in requests.enumerated() {
            if let files = cached[request.commit] {
                results[index] = .success(TreeDiff(files: files))
            } else {
                missing.append(index)
            }
        }
        let pending = Pending(requests: requests, results: results, missing: missing)
        guard let slots = pending.slots else { return pending }
        let workers: [Worker]
        do {
            workers = try openWorkers()
        } catch {
            for index in 0..<missing.count { slots.set(index, .failure(error)) }
            return pending
        }
        let work = missing.map { requests[$0] }
        let options = self.options
        let runLength = max(1, (work.count + 4 * workers.count - 1) / (4 * workers.count))
        let runs = stride(from: 0, to: work.count, by: runLength).map { $0..<min($0 + runLength, work.count) }
        queue.async(group: pending.done) {
            let nextRun = RunDispenser(count: runs.count)
            DispatchQueue.concurrentPerform(iterations: min(workers.count, runs.count)) { workerIndex in
                let repository = workers[workerIndex].repository
                while let run = nextRun.take() {
                    for index in runs[run] {
                        slots.set(index, Result { () throws(GitError) in
                            try Self.diff(work[index], in: repository, options)
                        })
                    }
                }
            }
        }
        return pending
    }

    /// Waits for a window's diffs, stores the new ones, and returns them all in the window's order.
    func finish(_ pending: Pending) -> [Result<TreeDiff, GitError>] {
        guard let slots = pending.slots else { return pending.results.map { $0! } }
        pending.done.wait()
        computed += pending.missing.count
        var fresh: [(commit: ObjectID, files: [FileDelta])] = []
        for (slot, index) in pending.missing.enumerated() {
            let result = slots.value(slot)
            pending.results[index] = result
            // A diff made with objects missing is not the commit's true diff: it is not kept.
            if case .success(let diff) = result, !diff.renamesSkipped, !diff.files.contains(where: \.isContentMissing) {
                fresh.append((pending.requests[index].commit, diff.files))
            }
        }
        cache?.store(fresh, settings: settingsKey)
        return pending.results.map { $0! }
    }

    private static func diff(_ request: DiffRequest, in repository: Repository, _ options: DiffOptions)
        throws(GitError) -> TreeDiff {
        var parentTree = request.parentTree
        if parentTree == nil, let parent = request.firstParent { parentTree = try repository.treeOfCommit(parent) }
        return try repository.diff(from: parentTree, to: request.tree, options: options)
    }

    /// The workers' repositories, opened on first need (a run served wholly by the cache opens none).
    private func openWorkers() throws(GitError) -> [Worker] {
        if let workers { return workers }
        if let workerError { throw workerError }
        do {
            var opened: [Worker] = []
            for _ in 0..<jobs {
                let repository = try Repository.open(at: repositoryPath)
                // The workers share one budget of open trees and blobs, so memory does not grow with --jobs.
                repository.diffMemoryBudget = Repository.defaultDiffMemoryBudget / jobs
                opened.append(Worker(repository: repository))
            }
            workers = opened
            return opened
        } catch {
            workerError = error
            throw error
        }
    }
}

/// A repository that one worker thread uses at a time.
///
/// `@unchecked` because ``Repository`` is not Sendable, rightly: libgit2 objects must not be used by two threads at
/// once. Windows run one at a time on the scheduler's serial queue, and each worker is taken by exactly one
/// iteration of `concurrentPerform` within a window, so no two threads ever share one.
private final class Worker: @unchecked Sendable {
    let repository: Repository

    init(repository: Repository) {
        self.repository = repository
    }
}

/// Hands out the indices of the runs of a window, each once.
private final class RunDispenser: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int

    init(count: Int) {
        self.count = count
    }

    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        defer { next += 1 }
        return next
    }
}

/// The results of a window, filled by index from several threads; each index is written by exactly one.
private final class ResultSlots: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Result<TreeDiff, GitError>?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func set(_ index: Int, _ value: Result<TreeDiff, GitError>) {
        slots[index] = value
    }

    /// Read once every worker has finished.
    func value(_ index: Int) -> Result<TreeDiff, GitError> {
        slots[index]!
    }
}
