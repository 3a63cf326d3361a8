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
/// expensive commits cannot leave the other workers idle. Diffing runs in the background on the workers' own threads:
/// the caller walks and consumes one window while the next ones are diffed. Results come back in each
/// window's order, so the output is the same for any number of jobs.
final class DiffScheduler {
    private let repositoryPath: String
    private let options: DiffOptions
    private let jobs: Int
    private let cache: ChurnCache?
    private let settingsKey: String
    private var pool: WorkerPool?
    private var workerError: GitError?

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
        let cached = requests.isEmpty
            ? [:] : cache?.diffs(of: requests.lazy.map(\.commit), settings: settingsKey) ?? [:]
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
        let pool: WorkerPool
        do {
            pool = try openWorkers()
        } catch {
            for index in 0..<missing.count { slots.set(index, .failure(error)) }
            return pending
        }
        let work = missing.map { requests[$0] }
        let options = self.options
        let runLength = max(1, (work.count + 4 * jobs - 1) / (4 * jobs))
        for start in stride(from: 0, to: work.count, by: runLength) {
            let run = start..<min(start + runLength, work.count)
            pending.done.enter()
            pool.submit { [done = pending.done] repository in
                for index in run {
                    slots.set(index, Result { () throws(GitError) in
                        try Self.diff(work[index], in: repository, options)
                    })
                }
                done.leave()
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

    /// The workers, their repositories opened on first need (a run served wholly by the cache opens none).
    private func openWorkers() throws(GitError) -> WorkerPool {
        if let pool { return pool }
        if let workerError { throw workerError }
        do {
            var repositories: [Repository] = []
            for _ in 0..<jobs {
                let repository = try Repository.open(at: repositoryPath)
                // The workers share one budget of open trees and blobs, so memory does not grow with --jobs.
                repository.diffMemoryBudget = Repository.defaultDiffMemoryBudget / jobs
                repositories.append(repository)
            }
            let pool = WorkerPool(repositories.map(Worker.init))
            self.pool = pool
            return pool
        } catch {
            workerError = error
            throw error
        }
    }

    deinit {
        pool?.shutDown()
    }
}

/// `jobs` threads, each owning one repository, taking runs of commits from one queue in the order they were
/// submitted. There is no barrier between windows: a worker that finishes its last run of one window goes on with
/// the next window's first, so no core idles while another finishes a window's slowest run.
private final class WorkerPool: @unchecked Sendable {
    private let condition = NSCondition()
    private var tasks: [@Sendable (Repository) -> Void] = []
    private var taskStart = 0
    private var stopping = false

    init(_ workers: [Worker]) {
        for worker in workers {
            let thread = Thread { [self] in self.serve(worker) }
            thread.name = "ktlo diff worker"
            thread.start()
        }
    }

    func submit(_ task: @escaping @Sendable (Repository) -> Void) {
        condition.lock()
        tasks.append(task)
        condition.signal()
        condition.unlock()
    }

    /// Lets the threads end once the queue is empty.
    func shutDown() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func serve(_ worker: Worker) {
        while true {
            condition.lock()
            while taskStart == tasks.count && !stopping { condition.wait() }
            if taskStart == tasks.count {
                condition.unlock()
                return
            }
            let task = tasks[taskStart]
            taskStart += 1
            if taskStart == tasks.count {
                tasks.removeAll(keepingCapacity: true)
                taskStart = 0
            }
            condition.unlock()
            task(worker.repository)
        }
    }
}

/// A repository that one worker thread uses at a time.
///
/// `@unchecked` because ``Repository`` is not Sendable, rightly: libgit2 objects must not be used by two threads at
/// once. Each worker belongs to exactly one thread of the ``WorkerPool``, so no two threads ever share one.
private final class Worker: @unchecked Sendable {
    let repository: Repository

    init(repository: Repository) {
        self.repository = repository
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
