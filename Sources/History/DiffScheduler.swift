import ChurnCache
import Dispatch
import Foundation
import Git

/// One commit to diff: its tree against its first parent's (the empty tree for a root commit).
struct DiffRequest: Sendable {
    let commit: ObjectID
    let firstParent: ObjectID?
    let tree: ObjectID
}

/// Diffs a window of commits: what the cache holds is read from it, the rest is diffed on `jobs` threads and stored.
///
/// libgit2 objects are not shared between threads, so each worker owns a repository opened on the same path. The
/// window is cut into runs of consecutive commits handed out in turn, which keeps each worker's trees and blobs warm
/// (consecutive commits share most trees, and one commit's new file is the next change's old file) while a run of
/// expensive commits cannot leave the other workers idle. Results come back in the window's order, so the output
/// is the same for any number of jobs.
final class DiffScheduler {
    private let repository: Repository
    private let repositoryPath: String
    private let options: DiffOptions
    private let jobs: Int
    private let cache: ChurnCache?
    private let settingsKey: String
    private var workers: [Worker] = []

    /// Diffs read from the cache, and diffs computed, over the scheduler's life.
    private(set) var cacheHits = 0
    private(set) var computed = 0

    init(repository: Repository, repositoryPath: String, options: DiffOptions, jobs: Int, cache: ChurnCache?) {
        self.repository = repository
        self.repositoryPath = repositoryPath
        self.options = options
        self.jobs = max(1, jobs)
        self.cache = cache
        settingsKey = ChurnCache.settingsKey(for: options)
    }

    /// The diffs of `requests`, in their order.
    func diffs(_ requests: [DiffRequest]) -> [Result<TreeDiff, GitError>] {
        guard !requests.isEmpty else { return [] }
        let cached = cache?.diffs(of: requests.lazy.map(\.commit), settings: settingsKey) ?? [:]
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
        guard !missing.isEmpty else { return results.map { $0! } }

        let computedDiffs = compute(missing.map { requests[$0] })
        computed += missing.count
        var fresh: [(commit: ObjectID, files: [FileDelta])] = []
        for (index, result) in zip(missing, computedDiffs) {
            results[index] = result
            // A diff made with objects missing is not the commit's true diff: it is not kept.
            if case .success(let diff) = result, !diff.renamesSkipped, !diff.files.contains(where: \.isContentMissing) {
                fresh.append((requests[index].commit, diff.files))
            }
        }
        cache?.store(fresh, settings: settingsKey)
        return results.map { $0! }
    }

    private func compute(_ requests: [DiffRequest]) -> [Result<TreeDiff, GitError>] {
        let options = self.options
        let repository = self.repository
        func inline() -> [Result<TreeDiff, GitError>] {
            requests.map { request in Result { () throws(GitError) in try Self.diff(request, in: repository, options) } }
        }
        guard jobs > 1, requests.count > 1 else { return inline() }
        do {
            try openWorkers()
        } catch {
            // Without a second handle, one thread does it all.
            return inline()
        }
        let output = ResultSlots(count: requests.count)
        let runLength = max(1, (requests.count + 4 * jobs - 1) / (4 * jobs))
        let runs = stride(from: 0, to: requests.count, by: runLength).map { $0..<min($0 + runLength, requests.count) }
        let nextRun = RunDispenser(count: runs.count)
        let workers = self.workers
        DispatchQueue.concurrentPerform(iterations: workers.count) { workerIndex in
            let repository = workers[workerIndex].repository
            while let run = nextRun.take() {
                for index in runs[run] {
                    output.set(index, Result { () throws(GitError) in
                        try Self.diff(requests[index], in: repository, options)
                    })
                }
            }
        }
        return output.values()
    }

    private static func diff(_ request: DiffRequest, in repository: Repository, _ options: DiffOptions)
        throws(GitError) -> TreeDiff {
        let parentTree = try request.firstParent.map { parent throws(GitError) in try repository.treeOfCommit(parent) }
        return try repository.diff(from: parentTree, to: request.tree, options: options)
    }

    private func openWorkers() throws(GitError) {
        while workers.count < jobs {
            workers.append(Worker(repository: try Repository.open(at: repositoryPath)))
        }
    }
}

/// A repository that one worker thread uses at a time.
///
/// `@unchecked` because ``Repository`` is not Sendable, rightly: libgit2 objects must not be used by two threads at
/// once. Each worker is taken by exactly one iteration of `concurrentPerform`, so no two threads ever share one.
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
    func values() -> [Result<TreeDiff, GitError>] {
        slots.map { $0! }
    }
}
