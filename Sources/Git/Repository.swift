import CLibGit2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open Git repository: the one type that owns a `git_repository` handle, freed when it goes away.
///
/// A repository handle must not be shared between threads (libgit2's objects are not thread-safe), so this type
/// is not `Sendable`: a worker that needs the repository opens its own with ``open(at:)`` on ``gitDirectory``.
/// Everything it returns is a value copied out of C.
public final class Repository {
    let handle: OpaquePointer
    /// Trees and blobs kept open between the diffs of consecutive commits (see ``fastDiff(from:to:options:)``);
    /// created on the first diff, released before the repository itself.
    private var openDiffCaches: DiffObjectCaches?

    /// The memory this repository may keep in open trees and blobs between diffs (a third for trees, the rest for
    /// blobs); set before the first diff. Several repositories diffing side by side share one budget between them.
    public var diffMemoryBudget = Repository.defaultDiffMemoryBudget

    /// What one repository keeps open by default: 96 MiB, which holds the recently changed files of redis/redis and
    /// git/git; with pack windows capped too, a run stays below the memory `git log --numstat` needs.
    public static let defaultDiffMemoryBudget = 96 << 20
    var diffCaches: DiffObjectCaches {
        if let openDiffCaches { return openDiffCaches }
        let caches = DiffObjectCaches(budget: diffMemoryBudget)
        openDiffCaches = caches
        return caches
    }

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        // The kept trees and blobs belong to this repository: they go first.
        openDiffCaches = nil
        git_repository_free(handle)
    }

    /// Opens the repository at exactly `path`: a working tree, a `.git` folder, a bare repository, or a linked
    /// worktree (whose `.git` is a file).
    public static func open(at path: String) throws(GitError) -> Repository {
        try open(path, flags: GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue)
    }

    /// Finds the repository that contains `path`, looking upward through its parents as git does.
    public static func discover(from path: String) throws(GitError) -> Repository {
        try open(path, flags: 0)
    }

    private static func open(_ path: String, flags: UInt32) throws(GitError) -> Repository {
        LibGit2.ready
        var pointer: OpaquePointer?
        try check(git_repository_open_ext(&pointer, path, flags, nil), "git_repository_open_ext")
        guard let pointer else {
            throw GitError(code: .notFound, message: "no repository at \(path)", operation: "git_repository_open_ext")
        }
        return Repository(handle: pointer)
    }

    /// The repository's own git directory (for a linked worktree, its private one).
    public var gitDirectory: String {
        String(cString: git_repository_path(handle))
    }

    /// The directory shared by all worktrees: objects, refs, `shallow`.
    public var commonDirectory: String {
        String(cString: git_repository_commondir(handle))
    }

    /// The working tree, or `nil` for a bare repository.
    public var workingDirectory: String? {
        git_repository_workdir(handle).map { String(cString: $0) }
    }

    public var isBare: Bool { git_repository_is_bare(handle) == 1 }
    public var isWorktree: Bool { git_repository_is_worktree(handle) == 1 }

    /// True for a shallow clone: some commits' parents were deliberately not fetched.
    public var isShallow: Bool { git_repository_is_shallow(handle) == 1 }

    /// True when the repository has no references at all: nothing was ever committed or fetched.
    ///
    /// (libgit2's `git_repository_is_empty` also wants HEAD on the configured default branch, so a repository made
    /// with another `init.defaultBranch` would not count as empty.)
    public var isEmpty: Bool {
        var iterator: OpaquePointer?
        guard git_reference_iterator_new(&iterator, handle) == 0 else { return false }
        defer { git_reference_iterator_free(iterator) }
        var reference: OpaquePointer?
        let status = git_reference_next(&reference, iterator)
        git_reference_free(reference)
        return status == GIT_ITEROVER.rawValue
    }

    /// Where HEAD points.
    public func head() throws(GitError) -> Head {
        var reference: OpaquePointer?
        let status = git_repository_head(&reference, handle)
        if status == GIT_EUNBORNBRANCH.rawValue || status == GIT_ENOTFOUND.rawValue {
            return .unborn(branch: try unbornBranchName())
        }
        try check(status, "git_repository_head")
        guard let reference else { return .unborn(branch: try unbornBranchName()) }
        defer { git_reference_free(reference) }
        var peeled: OpaquePointer?
        try check(git_reference_peel(&peeled, reference, GIT_OBJECT_COMMIT), "git_reference_peel")
        defer { git_object_free(peeled) }
        let commit = ObjectID(git_object_id(peeled))
        if git_repository_head_detached(handle) == 1 {
            return .detached(commit)
        }
        return .branch(name: String(cString: git_reference_shorthand(reference)), commit: commit)
    }

    private func unbornBranchName() throws(GitError) -> String {
        var head: OpaquePointer?
        try check(git_reference_lookup(&head, handle, "HEAD"), "git_reference_lookup")
        defer { git_reference_free(head) }
        guard let target = git_reference_symbolic_target(head) else { return "HEAD" }
        let name = String(cString: target)
        return name.hasPrefix("refs/heads/") ? String(name.dropFirst("refs/heads/".count)) : name
    }

    /// Resolves one revision (a branch, tag, object name, `HEAD~3`, …) to the commit it names.
    public func resolveCommit(_ revision: String) throws(GitError) -> ObjectID {
        if let id = existingCommit(named: revision) { return id }
        var object: OpaquePointer?
        try check(git_revparse_single(&object, handle, revision), "git_revparse_single")
        defer { git_object_free(object) }
        return try peelToCommit(object, revision: revision)
    }

    /// Parses a revision argument as git does: one revision, `A..B`, or `A...B`.
    public func parseRevision(_ spec: String) throws(GitError) -> RevisionSpec {
        if let id = existingCommit(named: spec) { return .single(id) }
        var revspec = git_revspec()
        try check(git_revparse(&revspec, handle, spec), "git_revparse")
        defer {
            git_object_free(revspec.from)
            git_object_free(revspec.to)
        }
        let flags = revspec.flags
        if flags & GIT_REVSPEC_SINGLE.rawValue != 0 {
            return .single(try peelToCommit(revspec.from, revision: spec))
        }
        let from = try peelToCommit(revspec.from, revision: spec)
        let to = try peelToCommit(revspec.to, revision: spec)
        if flags & GIT_REVSPEC_MERGE_BASE.rawValue != 0 {
            return .symmetricDifference(from, to)
        }
        return .range(from: from, to: to)
    }

    /// A full object name of a commit, found without parsing it: libgit2's revision parser parses the commit and
    /// refuses a malformed one (which ``commit(_:)`` reads leniently), and `ktlo ci` names commits by their full name.
    private func existingCommit(named revision: String) -> ObjectID? {
        guard revision.count == 40, let id = ObjectID(hex: revision), let (type, _) = try? rawObject(id),
              type == .commit else { return nil }
        return id
    }

    private func peelToCommit(_ object: OpaquePointer?, revision: String) throws(GitError) -> ObjectID {
        guard let object else {
            throw GitError(code: .invalidSpec, message: "'\(revision)' names no object", operation: "git_revparse")
        }
        var commit: OpaquePointer?
        let status = git_object_peel(&commit, object, GIT_OBJECT_COMMIT)
        if status < 0 {
            throw GitError(code: .peel, message: "'\(revision)' does not name a commit", operation: "git_object_peel")
        }
        defer { git_object_free(commit) }
        return ObjectID(git_object_id(commit))
    }

    /// All best common ancestors of two commits (`git merge-base --all`).
    public func mergeBases(_ one: ObjectID, _ two: ObjectID) throws(GitError) -> [ObjectID] {
        var array = git_oidarray()
        var first = one.raw, second = two.raw
        let status = git_merge_bases(&array, handle, &first, &second)
        if status == GIT_ENOTFOUND.rawValue { return [] }
        try check(status, "git_merge_bases")
        defer { git_oidarray_dispose(&array) }
        return (0..<array.count).map { ObjectID(array.ids[$0]) }
    }

    /// Reads a commit. A commit libgit2 finds malformed (no e-mail brackets, a non-numeric timestamp) is read
    /// leniently from its raw bytes, as git shows it, rather than failing the walk.
    public func commit(_ id: ObjectID) throws(GitError) -> Commit {
        var oid = id.raw
        var pointer: OpaquePointer?
        let status = git_commit_lookup(&pointer, handle, &oid)
        if status == 0, let pointer {
            defer { git_commit_free(pointer) }
            return Commit(copying: pointer)
        }
        let failure = GitError(returnCode: status, operation: "git_commit_lookup")
        guard failure.code != .notFound, let (type, bytes) = try? rawObject(id), type == .commit else {
            throw failure
        }
        do {
            return try LenientCommitParser.parse(bytes, id: id)
        } catch {
            throw GitError(code: .invalid, domain: .object,
                           message: "commit \(id) cannot be parsed: \(error.reason)", operation: "git_commit_lookup")
        }
    }

    /// The kind of object and its uncompressed content, straight from the object database.
    public func rawObject(_ id: ObjectID) throws(GitError) -> (type: ObjectType, bytes: [UInt8]) {
        var database: OpaquePointer?
        try check(git_repository_odb(&database, handle), "git_repository_odb")
        defer { git_odb_free(database) }
        var oid = id.raw
        var object: OpaquePointer?
        try check(git_odb_read(&object, database, &oid), "git_odb_read")
        defer { git_odb_object_free(object) }
        let size = git_odb_object_size(object)
        let bytes = git_odb_object_data(object).map {
            Array(UnsafeRawBufferPointer(start: $0, count: size))
        } ?? []
        return (ObjectType(git_odb_object_type(object)), bytes)
    }

    /// The commits at the shallow boundary: their parents were not fetched (empty unless ``isShallow``).
    public func shallowBoundary() throws(GitError) -> Set<ObjectID> {
        guard isShallow else { return [] }
        // The `shallow` file lives in the common directory, shared by all worktrees (libgit2 1.5 has no item for it).
        let directory = commonDirectory
        let path = directory + (directory.hasSuffix("/") ? "" : "/") + "shallow"
        guard let file = fopen(path, "r") else {
            throw GitError(code: .notFound, domain: .os, message: "cannot read \(path)", operation: "fopen")
        }
        defer { fclose(file) }
        var boundary: Set<ObjectID> = []
        var line = [CChar](repeating: 0, count: 128)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if let id = ObjectID(hex: text.trimmingCharacters(in: "\n")) {
                boundary.insert(id)
            }
        }
        return boundary
    }

    /// The repository's `.mailmap` (working tree, `mailmap.file`, or `mailmap.blob`/HEAD in a bare repository).
    public func mailmap() throws(GitError) -> Mailmap {
        var pointer: OpaquePointer?
        try check(git_mailmap_from_repository(&pointer, handle), "git_mailmap_from_repository")
        guard let pointer else {
            throw GitError(code: .invalid, message: "libgit2 returned no mailmap", operation: "git_mailmap_from_repository")
        }
        return Mailmap(owning: pointer)
    }
}

/// What HEAD points to.
public enum Head: Sendable, Equatable {
    /// A branch with at least one commit.
    case branch(name: String, commit: ObjectID)
    /// A commit, not a branch.
    case detached(ObjectID)
    /// A branch that has no commit yet (a new repository, or an orphan branch).
    case unborn(branch: String)

    /// The commit HEAD resolves to, if any.
    public var commit: ObjectID? {
        switch self {
        case .branch(_, let commit), .detached(let commit): commit
        case .unborn: nil
        }
    }
}

/// A revision argument, parsed.
public enum RevisionSpec: Sendable, Equatable {
    /// One commit: everything reachable from it.
    case single(ObjectID)
    /// `A..B`: reachable from B, not from A.
    case range(from: ObjectID, to: ObjectID)
    /// `A...B`: reachable from either, not from both.
    case symmetricDifference(ObjectID, ObjectID)
}

/// The four kinds of Git object.
public enum ObjectType: Sendable, Equatable {
    case commit, tree, blob, tag, unknown

    init(_ type: git_object_t) {
        switch type {
        case GIT_OBJECT_COMMIT: self = .commit
        case GIT_OBJECT_TREE: self = .tree
        case GIT_OBJECT_BLOB: self = .blob
        case GIT_OBJECT_TAG: self = .tag
        default: self = .unknown
        }
    }
}

extension Repository {
    /// The root tree of a commit, read without decoding the rest of the commit.
    public func treeOfCommit(_ id: ObjectID) throws(GitError) -> ObjectID {
        var oid = id.raw
        var pointer: OpaquePointer?
        let status = git_commit_lookup(&pointer, handle, &oid)
        if status == 0, let pointer {
            defer { git_commit_free(pointer) }
            return ObjectID(git_commit_tree_id(pointer))
        }
        // A commit libgit2 cannot parse still names its tree; the lenient reader finds it.
        return try commit(id).tree
    }
}

extension Repository {
    /// The content of the file at `path` in `commit`'s tree, or `nil` when there is no such file.
    public func fileContent(at path: String, in commit: ObjectID) throws(GitError) -> [UInt8]? {
        var oid = commit.raw
        var commitPointer: OpaquePointer?
        try check(git_commit_lookup(&commitPointer, handle, &oid), "git_commit_lookup")
        defer { git_commit_free(commitPointer) }
        var tree: OpaquePointer?
        try check(git_commit_tree(&tree, commitPointer), "git_commit_tree")
        defer { git_tree_free(tree) }
        var entry: OpaquePointer?
        let status = git_tree_entry_bypath(&entry, tree, path)
        if status == GIT_ENOTFOUND.rawValue { return nil }
        try check(status, "git_tree_entry_bypath")
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return nil }
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, handle, git_tree_entry_id(entry)), "git_blob_lookup")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let content = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: content, count: size))
    }
}
