import CLibGit2

extension Repository {
    /// Compares two trees and counts the lines added and deleted in every changed file, as
    /// `git diff-tree --numstat` does.
    ///
    /// libgit2's tree diff and its line counts agree with git's; its rename detection differs from git's in three
    /// cases, which are brought back to git's rules here so that churn matches `git log --numstat`:
    /// - a type change (file ↔ symlink) is one `T` entry whose lines are the difference of the two contents;
    /// - a path that changes type is never a rename source (libgit2 may pair its old content with an added file);
    /// - a submodule moved without changing commit is a rename (libgit2 considers only blobs).
    ///
    /// - Parameters:
    ///   - old: the tree before the change; `nil` for the empty tree (a root commit).
    ///   - new: the tree after the change.
    public func diff(from old: ObjectID?, to new: ObjectID, options: DiffOptions = DiffOptions())
        throws(GitError) -> TreeDiff {
        if let fast = try fastDiff(from: old, to: new, options: options) { return fast }
        return try fullDiff(from: old, to: new, options: options)
    }

    /// The diff through libgit2's own tree diff and rename detection, brought to git's rules.
    func fullDiff(from old: ObjectID?, to new: ObjectID, options: DiffOptions) throws(GitError) -> TreeDiff {
        let newTree = try tree(new)
        defer { git_tree_free(newTree) }
        var oldTree: OpaquePointer?
        if let old { oldTree = try tree(old) }
        defer { git_tree_free(oldTree) }

        var diffOptions = git_diff_options()
        try check(git_diff_options_init(&diffOptions, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init")
        diffOptions.flags = GIT_DIFF_INCLUDE_TYPECHANGE.rawValue
        // Counting lines needs no context; fewer context lines mean less patch to build.
        diffOptions.context_lines = 0
        diffOptions.interhunk_lines = 0

        var diff: OpaquePointer?
        try check(git_diff_tree_to_tree(&diff, handle, oldTree, newTree, &diffOptions), "git_diff_tree_to_tree")
        defer { git_diff_free(diff) }

        var renamesSkipped = false
        if options.detectRenames {
            var findOptions = git_diff_find_options()
            try check(git_diff_find_options_init(&findOptions, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)),
                      "git_diff_find_options_init")
            // Renames only: like git's default, a modified file is never split into a delete and an add.
            findOptions.flags = GIT_DIFF_FIND_RENAMES.rawValue
            findOptions.rename_threshold = UInt16(clamping: options.renameThreshold)
            findOptions.rename_limit = options.renameLimit
            let status = git_diff_find_similar(diff, &findOptions)
            // Comparing contents needs every candidate blob; when one is missing (a partial clone), the commit is
            // reported without renames rather than not at all.
            if status == GIT_ENOTFOUND.rawValue {
                renamesSkipped = true
            } else {
                try check(status, "git_diff_find_similar")
            }
        }

        let entries = (0..<git_diff_num_deltas(diff)).compactMap { index -> DeltaEntry? in
            guard let delta = git_diff_get_delta(diff, index) else { return nil }
            return DeltaEntry(index: index, delta: delta.pointee)
        }
        var deltas: [FileDelta] = []
        deltas.reserveCapacity(entries.count)
        var consumed: Set<Int> = []

        // A path that is renamed away and also added holds a type change that libgit2 took as a rename source.
        var addedAt: [String: DeltaEntry] = [:]
        for entry in entries where entry.status == .added { addedAt[entry.newPath] = entry }
        for entry in entries where entry.status == .renamed {
            guard let typeChanged = addedAt[entry.oldPath] else { continue }
            consumed.formUnion([entry.index, typeChanged.index])
            let added = try blobCounts(old: nil, new: entry.delta.new_file, options: &diffOptions)
            deltas.append(FileDelta(path: entry.newPath, status: .added, added: added.added, deleted: 0,
                                    isBinary: added.binary))
            let changed = try blobCounts(old: entry.delta.old_file, new: typeChanged.delta.new_file,
                                         options: &diffOptions)
            deltas.append(FileDelta(path: entry.oldPath, status: .typeChanged, added: changed.added,
                                    deleted: changed.deleted, isBinary: changed.binary))
        }

        // A submodule moved at the same commit: an exact rename, as git reports it.
        if options.detectRenames {
            var deletedSubmodules: [ObjectID: DeltaEntry] = [:]
            for entry in entries where entry.status == .deleted && entry.isSubmodule {
                deletedSubmodules[ObjectID(entry.delta.old_file.id)] = entry
            }
            for entry in entries where entry.status == .added && entry.isSubmodule && !consumed.contains(entry.index) {
                guard let source = deletedSubmodules.removeValue(forKey: ObjectID(entry.delta.new_file.id)) else {
                    continue
                }
                consumed.formUnion([entry.index, source.index])
                deltas.append(FileDelta(path: entry.newPath, oldPath: source.oldPath, status: .renamed, added: 0,
                                        deleted: 0, similarity: 100, isSubmodule: true))
            }
        }

        for entry in entries where !consumed.contains(entry.index) && !entry.isModeNoise {
            var counts: (added: Int, deleted: Int, binary: Bool) = (0, 0, false)
            var contentMissing = false
            do {
                if entry.status == .typeChanged {
                    counts = try blobCounts(old: entry.delta.old_file, new: entry.delta.new_file, options: &diffOptions)
                } else {
                    counts = try patchCounts(diff, index: entry.index)
                }
            } catch where error.code == .notFound {
                // A blob that is not there (a partial clone, or a damaged repository): the file still changed, but
                // its lines cannot be counted. The caller is told through the flag rather than losing the history.
                contentMissing = true
            }
            deltas.append(FileDelta(path: entry.status == .deleted ? entry.oldPath : entry.newPath,
                                    oldPath: entry.status == .renamed || entry.status == .copied ? entry.oldPath : nil,
                                    status: entry.status, added: counts.added, deleted: counts.deleted,
                                    isBinary: counts.binary,
                                    similarity: entry.status == .renamed || entry.status == .copied
                                        ? Int(entry.delta.similarity) : nil,
                                    isSubmodule: entry.isSubmodule, isContentMissing: contentMissing))
        }
        return TreeDiff(files: deltas, renamesSkipped: renamesSkipped)
    }

    /// Lines added and deleted in one delta of a diff, through libgit2's patch (which loads both sides and settles
    /// whether the file is binary).
    private func patchCounts(_ diff: OpaquePointer?, index: Int) throws(GitError)
        -> (added: Int, deleted: Int, binary: Bool) {
        var patch: OpaquePointer?
        try check(git_patch_from_diff(&patch, diff, index), "git_patch_from_diff")
        defer { git_patch_free(patch) }
        guard let patch else { return (0, 0, false) }
        if let delta = git_patch_get_delta(patch), delta.pointee.flags & GIT_DIFF_FLAG_BINARY.rawValue != 0 {
            return (0, 0, true)
        }
        var context = 0, added = 0, deleted = 0
        try check(git_patch_line_stats(&context, &added, &deleted, patch), "git_patch_line_stats")
        return (added, deleted, false)
    }

    /// Lines between two blobs (`nil` for nothing). A side that is not a blob (a submodule) has no lines.
    private func blobCounts(old: git_diff_file?, new: git_diff_file, options: inout git_diff_options)
        throws(GitError) -> (added: Int, deleted: Int, binary: Bool) {
        func isBlob(_ mode: UInt16) -> Bool { mode & 0o170000 == 0o100000 || mode & 0o170000 == 0o120000 }
        guard isBlob(new.mode), old.map({ isBlob($0.mode) }) ?? true else { return (0, 0, false) }
        let newBlob = try blob(ObjectID(new.id))
        defer { git_blob_free(newBlob) }
        var oldBlob: OpaquePointer?
        if let old { oldBlob = try blob(ObjectID(old.id)) }
        defer { git_blob_free(oldBlob) }
        let counts = try BlobLineCounts.diff(oldBlob, path: old?.path, newBlob, path: new.path, options: &options)
        return (counts.added, counts.deleted, counts.isBinary)
    }

    /// Looks a blob up; the caller frees it.
    func blob(_ id: ObjectID) throws(GitError) -> OpaquePointer {
        var oid = id.raw
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, handle, &oid), "git_blob_lookup")
        guard let blob else {
            throw GitError(code: .notFound, domain: .object, message: "blob \(id) not found", operation: "git_blob_lookup")
        }
        return blob
    }

    /// Looks a tree up; the caller frees it.
    func tree(_ id: ObjectID) throws(GitError) -> OpaquePointer {
        var oid = id.raw
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, handle, &oid), "git_tree_lookup")
        guard let tree else {
            throw GitError(code: .notFound, domain: .object, message: "tree \(id) not found", operation: "git_tree_lookup")
        }
        return tree
    }
}

/// A libgit2 delta with its paths decoded once.
private struct DeltaEntry {
    let index: Int
    let delta: git_diff_delta
    let status: FileStatus
    let oldPath: String
    let newPath: String

    init?(index: Int, delta: git_diff_delta) {
        switch delta.status {
        case GIT_DELTA_ADDED: status = .added
        case GIT_DELTA_DELETED: status = .deleted
        case GIT_DELTA_MODIFIED: status = .modified
        case GIT_DELTA_RENAMED: status = .renamed
        case GIT_DELTA_COPIED: status = .copied
        case GIT_DELTA_TYPECHANGE: status = .typeChanged
        default: return nil  // unmodified, ignored, untracked: not in a tree-to-tree diff
        }
        self.index = index
        self.delta = delta
        oldPath = TextDecoding.decode(delta.old_file.path, encoding: nil)
        newPath = TextDecoding.decode(delta.new_file.path, encoding: nil)
    }

    /// A "modification" of the mode alone between two spellings git treats as the same (very old trees recorded
    /// modes such as 100664, which git reads as 100644): git lists no change there, so neither does ktlo.
    var isModeNoise: Bool {
        status == .modified && ObjectID(delta.old_file.id) == ObjectID(delta.new_file.id)
            && Self.canonicalMode(delta.old_file.mode) == Self.canonicalMode(delta.new_file.mode)
    }

    /// git's `canon_mode`: a regular file is 100644 or 100755 by its owner's execute bit.
    private static func canonicalMode(_ mode: UInt16) -> UInt16 {
        guard mode & 0o170000 == 0o100000 else { return mode }
        return mode & 0o100 != 0 ? 0o100755 : 0o100644
    }

    var isSubmodule: Bool {
        let gitlink = UInt16(GIT_FILEMODE_COMMIT.rawValue)
        return delta.new_file.mode == gitlink || delta.old_file.mode == gitlink
    }
}
