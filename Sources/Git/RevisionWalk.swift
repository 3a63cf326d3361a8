import HeapModule

/// Walks the commits reachable from some tips and not from others, newest commit date first, as `git log` does.
///
/// ktlo walks history itself (reading each commit through libgit2) rather than with `git_revwalk`, because
/// libgit2 1.5's walk fails on a shallow clone: it insists on loading the parents of the boundary commits, which
/// were never fetched. Here the boundary commits' parents are simply not followed.
///
/// Without exclusions the walk streams: each ``next()`` reads only the commits it needs to know which is newest.
/// With exclusions (`A..B`, `A...B`, `^A`) it first separates the wanted commits from the unwanted ones, the way
/// git's `limit_list` does, then hands them out; that list holds commit values of the range only.
public final class RevisionWalk {
    private let repository: Repository
    private let firstParent: Bool
    private let shallowBoundary: Set<ObjectID>

    /// Where commits read by this walk are kept for a later one (see ``CommitMemo``), or taken from.
    public enum MemoUse {
        case record(CommitMemo)
        case replay(CommitMemo)
    }

    /// Commits read from now on are kept in, or first looked for in, a memo.
    public var memo: MemoUse?

    private var queue = Heap<QueueEntry>()
    private var pending: [ObjectID: Commit] = [:]
    private var seen: Set<ObjectID> = []
    private var sequence = 0

    /// When the walk is limited by exclusions: what is known about every commit read so far, and the result.
    private var nodes: [ObjectID: Node] = [:]
    private var limitedResult: [Commit]?
    private var limitedPosition = 0

    /// - Parameters:
    ///   - include: the tips whose history is wanted.
    ///   - exclude: the tips whose history is not wanted (the `A` of `A..B`).
    ///   - firstParent: follow only the first parent of each wanted commit (git's `--first-parent`).
    ///   - shallowBoundary: commits whose parents are absent on purpose (a shallow clone's `shallow` file).
    public init(repository: Repository, include: [ObjectID], exclude: [ObjectID] = [], firstParent: Bool = false,
                shallowBoundary: Set<ObjectID> = []) throws(GitError) {
        self.repository = repository
        self.firstParent = firstParent
        self.shallowBoundary = shallowBoundary
        if exclude.isEmpty {
            for tip in include where seen.insert(tip).inserted {
                enqueue(try repository.commit(tip))
            }
        } else {
            limitedResult = try limit(include: include, exclude: exclude)
        }
    }

    /// The next commit, or `nil` at the end of the walk.
    public func next() throws(GitError) -> Commit? {
        if let limitedResult {
            guard limitedPosition < limitedResult.count else { return nil }
            defer { limitedPosition += 1 }
            return limitedResult[limitedPosition]
        }
        guard let entry = queue.popMax(), let commit = pending.removeValue(forKey: entry.id) else { return nil }
        for parent in followedParents(of: commit, wanted: true) where seen.insert(parent).inserted {
            enqueue(try read(parent, childOf: commit.id))
        }
        return commit
    }

    private func followedParents(of commit: Commit, wanted: Bool) -> ArraySlice<ObjectID> {
        if shallowBoundary.contains(commit.id) { return [] }
        return wanted && firstParent ? commit.parents.prefix(1) : commit.parents[...]
    }

    private func enqueue(_ commit: Commit) {
        pending[commit.id] = commit
        queue.insert(QueueEntry(time: commit.committer.time.secondsSinceEpoch, sequence: sequence, id: commit.id))
        sequence += 1
    }

    private func read(_ id: ObjectID, childOf child: ObjectID) throws(GitError) -> Commit {
        if case .replay(let memo) = memo, let commit = memo.take(id) { return commit }
        do {
            let commit = try repository.commit(id)
            if case .record(let memo) = memo { memo.remember(commit) }
            return commit
        } catch {
            guard error.code == .notFound else { throw error }
            throw GitError(code: .notFound, domain: error.domain,
                           message: "commit \(id), a parent of \(child), is missing from the object database "
                               + "(an incomplete clone or a damaged repository)",
                           operation: error.operation)
        }
    }

    // MARK: - Limited walk (with exclusions)

    private struct Node {
        var parents: [ObjectID]
        var wanted: Bool
        var parentsAdded = false
    }

    /// How many old, unwanted commits to look at after the wanted ones run out, to survive clock skew (git's SLOP).
    private static let slop = 5

    private func limit(include: [ObjectID], exclude: [ObjectID]) throws(GitError) -> [Commit] {
        for tip in exclude where seen.insert(tip).inserted {
            let commit = try repository.commit(tip)
            nodes[tip] = Node(parents: Array(followedParents(of: commit, wanted: false)), wanted: false)
            enqueue(commit)
        }
        for tip in include where seen.insert(tip).inserted {
            let commit = try repository.commit(tip)
            nodes[tip] = Node(parents: Array(followedParents(of: commit, wanted: true)), wanted: true)
            enqueue(commit)
        }

        var result: [Commit] = []
        var remainingSlop = Self.slop
        var lastWantedTime = Int64.max
        while let entry = queue.popMax(), let commit = pending.removeValue(forKey: entry.id) {
            try addParents(of: commit)
            if nodes[commit.id]?.wanted == false {
                markAncestorsUnwanted(of: commit.id)
                remainingSlop = stillInteresting(since: lastWantedTime, slop: remainingSlop)
                if remainingSlop == 0 { break }
                continue
            }
            lastWantedTime = commit.committer.time.secondsSinceEpoch
            result.append(commit)
        }
        // A commit found wanted early may have been reached from an unwanted one later.
        return result.filter { nodes[$0.id]?.wanted == true }
    }

    private func addParents(of commit: Commit) throws(GitError) {
        guard var node = nodes[commit.id], !node.parentsAdded else { return }
        node.parentsAdded = true
        nodes[commit.id] = node
        for parent in node.parents {
            if !node.wanted { markUnwanted(parent) }
            guard seen.insert(parent).inserted else { continue }
            let parentCommit = try read(parent, childOf: commit.id)
            let wanted = node.wanted && nodes[parent]?.wanted != false
            nodes[parent] = Node(parents: Array(followedParents(of: parentCommit, wanted: wanted)), wanted: wanted)
            enqueue(parentCommit)
        }
    }

    private func markUnwanted(_ id: ObjectID) {
        if var node = nodes[id] {
            node.wanted = false
            nodes[id] = node
        } else {
            nodes[id] = Node(parents: [], wanted: false)
        }
    }

    /// Marks every known ancestor of `id` unwanted (those not read yet are marked when they are).
    private func markAncestorsUnwanted(of id: ObjectID) {
        var stack = nodes[id]?.parents ?? []
        while let next = stack.popLast() {
            guard let node = nodes[next], node.wanted || !node.parentsAdded else {
                continue
            }
            let wasWanted = node.wanted
            markUnwanted(next)
            if wasWanted || node.parentsAdded {
                stack.append(contentsOf: node.parents)
            }
        }
    }

    /// git's `still_interesting`: keep walking while the queue holds wanted or newer commits.
    private func stillInteresting(since time: Int64, slop: Int) -> Int {
        guard let newest = queue.max else { return 0 }
        if time <= newest.time { return Self.slop }
        if queue.unordered.contains(where: { nodes[$0.id]?.wanted == true }) { return Self.slop }
        return slop - 1
    }
}

/// A commit waiting in the walk's queue: newest commit date first, then first come first served.
private struct QueueEntry: Comparable {
    let time: Int64
    let sequence: Int
    let id: ObjectID

    static func < (lhs: QueueEntry, rhs: QueueEntry) -> Bool {
        if lhs.time != rhs.time { return lhs.time < rhs.time }
        return lhs.sequence > rhs.sequence
    }

    static func == (lhs: QueueEntry, rhs: QueueEntry) -> Bool {
        lhs.time == rhs.time && lhs.sequence == rhs.sequence
    }
}
