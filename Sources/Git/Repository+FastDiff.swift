import CLibGit2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The trees and blobs a repository handle keeps open between diffs.
final class DiffObjectCaches {
    /// The `diff` attribute of each path seen, which decides binary files before their content does.
    var diffAttributes: [String: DiffAttribute] = [:]
    /// Parsed trees (libgit2 parses a tree object once into its entries).
    let trees: ObjectHandleCache
    /// Blobs: the new side of one commit's change is the old side of its parent's.
    let blobs: ObjectHandleCache

    init(budget: Int) {
        trees = ObjectHandleCache(budget: budget / 3) { git_tree_free($0) }
        blobs = ObjectHandleCache(budget: budget - budget / 3) { git_blob_free($0) }
    }
}

/// How the `diff` attribute treats a file.
enum DiffAttribute {
    /// Unspecified: binary when either side has a NUL byte in its first 8000 bytes (git's rule).
    case automatic
    /// `diff`: always text.
    case text
    /// `-diff`, or the `binary` macro: always binary.
    case binary
    /// `diff=NAME`: a driver whose configuration libgit2 consults.
    case driver
}

extension Repository {
    /// The same answer as ``diff(from:to:options:)``, computed faster when it can be: ktlo compares the two trees
    /// itself (skipping identical subtrees by object name, as git does) and counts lines through libgit2's blob
    /// patches, with trees and blobs kept open between consecutive commits. `nil` when a commit needs libgit2's full
    /// diff: rename detection with both added and deleted files, or a submodule.
    func fastDiff(from old: ObjectID?, to new: ObjectID, options: DiffOptions) throws(GitError) -> TreeDiff? {
        let caches = diffCaches
        defer {
            caches.trees.endOfCommit()
            caches.blobs.endOfCommit()
        }
        var changes: [RawChange] = []
        let newTree = try cachedTree(new, caches)
        let oldTree = try old.map { id throws(GitError) in try cachedTree(id, caches) }
        guard try compare(oldTree, newTree, prefix: [], caches, into: &changes) else { return nil }
        if options.detectRenames,
           changes.contains(where: { $0.old == nil }), changes.contains(where: { $0.new == nil }) {
            return nil
        }

        var diffOptions = git_diff_options()
        try check(git_diff_options_init(&diffOptions, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init")
        diffOptions.flags = GIT_DIFF_INCLUDE_TYPECHANGE.rawValue
        diffOptions.context_lines = 0
        diffOptions.interhunk_lines = 0

        var files: [FileDelta] = []
        files.reserveCapacity(changes.count)
        for change in changes {
            let path = change.path.withUnsafeBytes { TextDecoding.decode($0, encoding: nil) }
            let status: FileStatus
            switch (change.old, change.new) {
            case (nil, _): status = .added
            case (_, nil): status = .deleted
            case (let old?, let new?): status = old.isSymlink == new.isSymlink ? .modified : .typeChanged
            }
            var counts: (added: Int, deleted: Int, binary: Bool) = (0, 0, false)
            var missing = false
            if change.old?.id != change.new?.id {
                do {
                    counts = try blobPatchCounts(change, path: path, caches, options: &diffOptions)
                } catch where error.code == .notFound {
                    missing = true
                }
            }
            files.append(FileDelta(path: path, status: status, added: counts.added, deleted: counts.deleted,
                                   isBinary: counts.binary, isContentMissing: missing))
        }
        // libgit2 lists deltas in path order; so does the fast path, so that both give the same records.
        files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return TreeDiff(files: files)
    }

    private struct Side {
        let id: ObjectID
        let mode: UInt32
        var isSymlink: Bool { mode == 0o120000 }
    }

    private struct RawChange {
        let path: [UInt8]
        let old: Side?
        let new: Side?
    }

    private func cachedTree(_ id: ObjectID, _ caches: DiffObjectCaches) throws(GitError) -> OpaquePointer {
        if let tree = caches.trees.handle(id) { return tree }
        let tree = try self.tree(id)
        // A parsed tree costs about its entries; 64 bytes each is a fair estimate.
        caches.trees.keep(id, tree, bytes: 64 * git_tree_entrycount(tree) + 64)
        return tree
    }

    private func cachedBlob(_ id: ObjectID, _ caches: DiffObjectCaches) throws(GitError) -> OpaquePointer {
        if let blob = caches.blobs.handle(id) { return blob }
        let blob = try self.blob(id)
        caches.blobs.keep(id, blob, bytes: Int(git_blob_rawsize(blob)) + 64)
        return blob
    }

    /// Walks two trees in git's entry order and lists the files that differ. Returns false when a submodule is
    /// involved (the caller then uses libgit2's full diff, which handles them as git does).
    private func compare(_ old: OpaquePointer?, _ new: OpaquePointer?, prefix: [UInt8], _ caches: DiffObjectCaches,
                         into changes: inout [RawChange]) throws(GitError) -> Bool {
        let oldCount = old.map { git_tree_entrycount($0) } ?? 0
        let newCount = new.map { git_tree_entrycount($0) } ?? 0
        var i = 0, j = 0
        while i < oldCount || j < newCount {
            let oldEntry = i < oldCount ? git_tree_entry_byindex(old, i) : nil
            let newEntry = j < newCount ? git_tree_entry_byindex(new, j) : nil
            let order: Int32
            if let oldEntry, let newEntry {
                order = Self.entryOrder(oldEntry, newEntry)
            } else {
                order = oldEntry == nil ? 1 : -1
            }
            if order < 0 {
                guard try removed(oldEntry!, prefix: prefix, caches, into: &changes) else { return false }
                i += 1
            } else if order > 0 {
                guard try added(newEntry!, prefix: prefix, caches, into: &changes) else { return false }
                j += 1
            } else {
                let oldMode = git_tree_entry_filemode(oldEntry).rawValue
                let newMode = git_tree_entry_filemode(newEntry).rawValue
                let oldID = ObjectID(git_tree_entry_id(oldEntry)), newID = ObjectID(git_tree_entry_id(newEntry))
                if oldID != newID || oldMode != newMode {
                    // A submodule that changed: libgit2's full diff reports it as git does.
                    if oldMode == GIT_FILEMODE_COMMIT.rawValue || newMode == GIT_FILEMODE_COMMIT.rawValue { return false }
                    let path = Self.path(prefix, oldEntry!)
                    if oldMode == GIT_FILEMODE_TREE.rawValue {
                        guard try compare(try cachedTree(oldID, caches), try cachedTree(newID, caches), prefix: path,
                                          caches, into: &changes) else { return false }
                    } else {
                        changes.append(RawChange(path: path, old: Side(id: oldID, mode: oldMode),
                                                 new: Side(id: newID, mode: newMode)))
                    }
                }
                i += 1
                j += 1
            }
        }
        return true
    }

    private func added(_ entry: OpaquePointer, prefix: [UInt8], _ caches: DiffObjectCaches,
                       into changes: inout [RawChange]) throws(GitError) -> Bool {
        let mode = git_tree_entry_filemode(entry).rawValue
        if mode == GIT_FILEMODE_COMMIT.rawValue { return false }
        let id = ObjectID(git_tree_entry_id(entry))
        let path = Self.path(prefix, entry)
        if mode == GIT_FILEMODE_TREE.rawValue {
            return try compare(nil, try cachedTree(id, caches), prefix: path, caches, into: &changes)
        }
        changes.append(RawChange(path: path, old: nil, new: Side(id: id, mode: mode)))
        return true
    }

    private func removed(_ entry: OpaquePointer, prefix: [UInt8], _ caches: DiffObjectCaches,
                         into changes: inout [RawChange]) throws(GitError) -> Bool {
        let mode = git_tree_entry_filemode(entry).rawValue
        if mode == GIT_FILEMODE_COMMIT.rawValue { return false }
        let id = ObjectID(git_tree_entry_id(entry))
        let path = Self.path(prefix, entry)
        if mode == GIT_FILEMODE_TREE.rawValue {
            return try compare(try cachedTree(id, caches), nil, prefix: path, caches, into: &changes)
        }
        changes.append(RawChange(path: path, old: Side(id: id, mode: mode), new: nil))
        return true
    }

    private func blobPatchCounts(_ change: RawChange, path: String, _ caches: DiffObjectCaches,
                                 options: inout git_diff_options) throws(GitError) -> (Int, Int, Bool) {
        let attribute = try diffAttribute(of: path, caches)
        // `-diff` or `binary` in .gitattributes: binary whatever the content, so the content is not read.
        if attribute == .binary { return (0, 0, true) }
        let oldBlob = try change.old.map { side throws(GitError) in try cachedBlob(side.id, caches) }
        let newBlob = try change.new.map { side throws(GitError) in try cachedBlob(side.id, caches) }
        let counts: BlobLineCounts
        if attribute == .driver {
            // A named diff driver may declare itself binary in the configuration: libgit2 looks it up.
            counts = try BlobLineCounts.diff(oldBlob, path: change.old == nil ? nil : path,
                                             newBlob, path: change.new == nil ? nil : path, options: &options)
        } else {
            // The attributes are settled above, once per path. With an empty path libgit2 skips its own lookup,
            // which reads every .gitattributes on the way to the file for both sides of every file of every commit
            // (without any path it looks up one named "file" instead, and takes what that says for every file);
            // blobs (unlike buffers) come with their object names, so libgit2 does not hash their contents either.
            if attribute == .automatic,
               oldBlob.map({ Self.looksBinary($0) }) == true || newBlob.map({ Self.looksBinary($0) }) == true {
                return (0, 0, true)
            }
            let flags = options.flags
            if attribute == .text { options.flags |= GIT_DIFF_FORCE_TEXT.rawValue }
            defer { options.flags = flags }
            counts = try BlobLineCounts.diff(oldBlob, path: "", newBlob, path: "", options: &options)
        }
        return (counts.added, counts.deleted, counts.isBinary)
    }

    /// git's test for binary content: a NUL byte in the first 8000 bytes, or more than `core.bigFileThreshold`'s
    /// default of 512 MiB.
    static func looksBinary(_ blob: OpaquePointer) -> Bool {
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let base = git_blob_rawcontent(blob) else { return false }
        if size > 512 << 20 { return true }
        return memchr(base, 0, min(size, 8000)) != nil
    }

    /// What the `diff` attribute says of `path`, as libgit2's diff reads it (working tree files first, then the
    /// index; system and repository attribute files too), once per path.
    private func diffAttribute(of path: String, _ caches: DiffObjectCaches) throws(GitError) -> DiffAttribute {
        if let known = caches.diffAttributes[path] { return known }
        var value: UnsafePointer<CChar>?
        try check(git_attr_get(&value, handle, UInt32(GIT_ATTR_CHECK_FILE_THEN_INDEX), path, "diff"), "git_attr_get")
        let attribute: DiffAttribute = switch git_attr_value(value) {
        case GIT_ATTR_VALUE_FALSE: .binary
        case GIT_ATTR_VALUE_TRUE: .text
        case GIT_ATTR_VALUE_STRING: .driver
        default: .automatic
        }
        caches.diffAttributes[path] = attribute
        return attribute
    }

    /// git's order of tree entries (`base_name_compare`): by name, a tree's name compared as if it ended in "/".
    private static func entryOrder(_ one: OpaquePointer, _ two: OpaquePointer) -> Int32 {
        let first = git_tree_entry_name(one)!, second = git_tree_entry_name(two)!
        let firstLength = strlen(first), secondLength = strlen(second)
        let common = min(firstLength, secondLength)
        let result = memcmp(first, second, common)
        if result != 0 { return result }
        func next(_ name: UnsafePointer<CChar>, _ length: Int, _ entry: OpaquePointer) -> Int32 {
            if length > common { return Int32(UInt8(bitPattern: name[common])) }
            return git_tree_entry_filemode(entry) == GIT_FILEMODE_TREE ? Int32(UInt8(ascii: "/")) : 0
        }
        return next(first, firstLength, one) - next(second, secondLength, two)
    }

    private static func path(_ prefix: [UInt8], _ entry: OpaquePointer) -> [UInt8] {
        let name = git_tree_entry_name(entry)!
        let bytes = UnsafeRawBufferPointer(start: name, count: strlen(name))
        return prefix.isEmpty ? Array(bytes) : prefix + [UInt8(ascii: "/")] + bytes
    }
}
